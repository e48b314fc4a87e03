package io.walbridge.core.setup;

/**
 * The server settings and the connected user's powers that decide what setup may do.
 *
 * @param rdsPlatform      the {@code rds_replication} role exists: Amazon RDS or Aurora, where that role stands in
 *                         for the REPLICATION attribute
 * @param usedSlots        replication slots of any kind already taken, against {@code maxSlots}
 */
public record SourceFacts(int versionNum, String version, String walLevel, boolean inRecovery, String user,
                          String database, boolean superuser, boolean replication, boolean createRole,
                          boolean createOnDatabase, boolean rdsPlatform, boolean rdsReplicationMember, int maxSlots,
                          int usedSlots) {

    /** Whether the user may create and read replication slots. */
    public boolean canUseReplication() {
        return superuser || replication || rdsReplicationMember;
    }

    /** {@code FOR TABLES IN SCHEMA} arrived in PostgreSQL 15. */
    public boolean supportsSchemaPublications() {
        return versionNum >= 150000;
    }
}
