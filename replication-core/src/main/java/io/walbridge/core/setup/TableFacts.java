package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

import java.util.List;

/**
 * What a table picker shows about one table: size, key, replica identity, and the column types a
 * destination may not take as they are.
 *
 * @param estimatedRows   the planner's estimate ({@code reltuples}); -1 when the table was never analyzed
 * @param replicaIdentity {@code pg_class.relreplident}: d(efault), n(othing), f(ull) or i(ndex)
 * @param flaggedTypes    columns whose type needs attention, e.g. {@code geom geometry: extension type}
 */
public record TableFacts(TableId id, long estimatedRows, long totalBytes, boolean hasPrimaryKey, char replicaIdentity,
                         boolean partitioned, boolean unlogged, List<String> flaggedTypes) {

    public TableFacts {
        flaggedTypes = List.copyOf(flaggedTypes);
    }

    /** Whether UPDATE and DELETE can be published as the table is now. */
    public boolean replicatesUpdates() {
        return switch (replicaIdentity) {
            case 'f', 'i' -> true;
            case 'd' -> hasPrimaryKey;
            default -> false;
        };
    }

    /** Logical replication cannot publish unlogged tables at all. */
    public boolean publishable() {
        return !unlogged;
    }

    /** For a table column: {@code primary key}, {@code no key: REPLICA IDENTITY FULL}, {@code no key}. */
    public String keyStatus() {
        String identity = switch (replicaIdentity) {
            case 'f' -> "REPLICA IDENTITY FULL";
            case 'i' -> "REPLICA IDENTITY USING INDEX";
            case 'n' -> "REPLICA IDENTITY NOTHING";
            default -> "";
        };
        if (hasPrimaryKey) {
            return identity.isEmpty() || replicaIdentity == 'd' ? "primary key" : "primary key, " + identity;
        }
        return identity.isEmpty() ? "no primary key" : "no primary key, " + identity;
    }
}
