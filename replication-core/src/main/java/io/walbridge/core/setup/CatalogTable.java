package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

/**
 * What setup needs to know about one ordinary or partitioned table of the source.
 *
 * @param parentOid        the direct parent of a partition, 0 for a table that is not a partition
 * @param replicaIdentity  {@code pg_class.relreplident}: d(efault), n(othing), f(ull) or i(ndex)
 * @param owned            the connected user owns it (directly or through a role), so may publish or alter it
 * @param grantable        the connected user may grant SELECT on it to another role
 */
public record CatalogTable(TableId id, long oid, boolean partitioned, long parentOid, boolean unlogged,
                           boolean hasPrimaryKey, char replicaIdentity, String owner, boolean owned,
                           boolean grantable) {

    public boolean isPartition() {
        return parentOid != 0;
    }

    /** Whether UPDATE and DELETE can be published: a key (or index, or FULL) identifies the old row. */
    public boolean hasReplicaIdentity() {
        return switch (replicaIdentity) {
            case 'f', 'i' -> true;
            case 'd' -> hasPrimaryKey;
            default -> false;
        };
    }
}
