package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;

/** A setup statement failed on the server; the message also says what was rolled back or undone. */
public final class SetupFailed extends UserFacingException {
    public SetupFailed(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}
