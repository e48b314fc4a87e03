package io.walbridge.core.sink;

import io.walbridge.core.UserFacingException;

/** The destination refused or lost a write; {@code retriable} says whether trying again may succeed. */
public final class SinkFailure extends UserFacingException {

    private final boolean retriable;

    public SinkFailure(String problem, String fix, boolean retriable, Throwable cause) {
        super(problem, fix, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
