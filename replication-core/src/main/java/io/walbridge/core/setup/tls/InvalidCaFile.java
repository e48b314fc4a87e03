package io.walbridge.core.setup.tls;

import io.walbridge.core.UserFacingException;

/** A CA file that cannot be used: missing, unreadable, or holding no certificate. */
public final class InvalidCaFile extends UserFacingException {
    public InvalidCaFile(String problem, String fix) {
        super(problem, fix);
    }
}
