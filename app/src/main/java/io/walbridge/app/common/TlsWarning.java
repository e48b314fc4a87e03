package io.walbridge.app.common;

import io.walbridge.core.setup.tls.SslMode;
import io.walbridge.core.source.PgEndpoint;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The visible warning for a connection that does not authenticate its server: without {@code verify-full}
 * whoever can intercept the connection can pose as the server and read the password and every row.
 */
public final class TlsWarning {

    private TlsWarning() {
    }

    /** What the command line tells users to do. */
    public static final String CLI_FIX = "; use sslmode=verify-full with sslrootcert=CA.pem (your provider's CA bundle)";

    /** The warning line for one endpoint ({@code role} names it: "source", "destination"), if it needs one. */
    public static Optional<String> of(String role, PgEndpoint endpoint) {
        return of(role, endpoint, CLI_FIX);
    }

    /** The same, ending with {@code fix} (how to get to verify-full where the warning is shown). */
    public static Optional<String> of(String role, PgEndpoint endpoint, String fix) {
        SslMode mode = SslMode.of(endpoint.sslMode());
        return switch (mode) {
            case VERIFY_FULL -> Optional.empty();
            case VERIFY_CA -> Optional.of("warning: the " + role + " connection (sslmode=verify-ca) checks the"
                    + " certificate's issuer but not that it names " + endpoint.host() + fix);
            case REQUIRE -> Optional.of("warning: the " + role + " connection (sslmode=require) is encrypted but the"
                    + " server is not authenticated: anyone who can intercept it can pose as the server" + fix);
            case PREFER, ALLOW -> Optional.of("warning: the " + role + " connection (sslmode=" + mode.text() + ") may"
                    + " be unencrypted and does not authenticate the server" + fix);
            case DISABLE -> Optional.of("warning: the " + role + " connection (sslmode=disable) is not encrypted:"
                    + " the password and every row cross the network in clear text" + fix);
        };
    }

    public static void print(PrintWriter err, String role, PgEndpoint endpoint) {
        of(role, endpoint).ifPresent(w -> {
            err.println(w);
            err.flush();
        });
    }
}
