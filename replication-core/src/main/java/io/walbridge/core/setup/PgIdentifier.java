package io.walbridge.core.setup;

import java.nio.charset.StandardCharsets;

/** The server's limits on a name it stores: non-empty, no NUL, at most 63 bytes (longer names are silently cut). */
final class PgIdentifier {

    static final int MAX_BYTES = 63;

    private PgIdentifier() {
    }

    static String check(String kind, String value) {
        if (value == null || value.isEmpty()) {
            throw new SetupRefused("the " + kind + " name is empty", "give a " + kind + " name, e.g. walbridge");
        }
        if (value.indexOf('\0') >= 0) {
            throw new SetupRefused("the " + kind + " name contains a NUL character", "choose a name without it");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            // the server would truncate it and we would then look for a name that does not exist
            throw new SetupRefused("the " + kind + " name '" + value + "' is " + bytes + " bytes long; PostgreSQL keeps"
                    + " at most " + MAX_BYTES, "choose a shorter " + kind + " name");
        }
        return value;
    }
}
