package io.walbridge.core.setup;

import java.util.Set;

/** A name for the dedicated replication login; the server reserves {@code public}, {@code none} and {@code pg_*}. */
public record RoleName(String value) {

    // compared as stored (quoted names keep their case), as the server does
    private static final Set<String> RESERVED = Set.of("public", "none");

    public RoleName {
        PgIdentifier.check("role", value);
        if (RESERVED.contains(value) || value.startsWith("pg_")) {
            throw new SetupRefused("'" + value + "' is reserved by PostgreSQL and cannot name a role",
                    "choose another name, e.g. walbridge");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
