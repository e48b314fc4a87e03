package io.walbridge.core.source;

import io.walbridge.core.UserFacingException;

/** The source cannot serve replication right now: connection lost, slot missing or busy, publication gone. */
public final class SourceUnavailable extends UserFacingException {

    private final boolean retriable;

    public SourceUnavailable(String problem, String fix, boolean retriable, Throwable cause) {
        super(problem, fix, cause);
        this.retriable = retriable;
    }

    /** Whether reconnecting later may help (a dropped connection) or not (a missing slot). */
    public boolean retriable() {
        return retriable;
    }
}
