package io.walbridge.core.source;

import io.walbridge.core.UserFacingException;

/** A connection URL or setting that cannot be used as given. */
public final class InvalidEndpoint extends UserFacingException {
    public InvalidEndpoint(String problem, String fix) {
        super(problem, fix);
    }
}
