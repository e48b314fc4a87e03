package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;

/** Setup will not start: a name, a setting or a privilege is wrong, found before anything was changed. */
public final class SetupRefused extends UserFacingException {
    public SetupRefused(String problem, String fix) {
        super(problem, fix);
    }
}
