package io.walbridge.core.setup.tls;

import io.walbridge.core.source.InvalidEndpoint;

import java.util.Locale;

/** libpq's {@code sslmode}: how much TLS a client insists on, and whether it authenticates the server. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    public static SslMode of(String text) {
        for (SslMode mode : values()) {
            if (mode.text().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new InvalidEndpoint("sslmode '" + text + "' is not one of disable, allow, prefer, require, verify-ca, verify-full",
                "set sslmode=verify-full in the URL (or leave it out and pass --ca FILE)");
    }

    /** The spelling used in URLs: {@code verify-full}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The connection fails rather than falling back to plain text. */
    public boolean requiresTls() {
        return compareTo(REQUIRE) >= 0;
    }

    /** The server's certificate chain must lead to a trusted CA. */
    public boolean verifiesChain() {
        return compareTo(VERIFY_CA) >= 0;
    }

    /** The certificate must also name the host the client connected to. */
    public boolean verifiesHostName() {
        return this == VERIFY_FULL;
    }
}
