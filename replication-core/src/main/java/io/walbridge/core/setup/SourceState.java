package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

import java.util.Optional;
import java.util.Set;

/** What already exists on the source, read before planning so that setup only adds what is missing. */
public record SourceState(SourceFacts server, SourceCatalog catalog, Optional<Publication> publication,
                          Optional<Slot> slot, Optional<Role> role, RolePrivileges rolePrivileges) {

    /**
     * An existing publication.
     *
     * @param tables  tables listed by name ({@code pg_publication_rel})
     * @param schemas schemas listed with {@code TABLES IN SCHEMA} (PostgreSQL 15+)
     * @param publish its {@code publish} option, e.g. {@code insert, update, delete, truncate}
     */
    public record Publication(String owner, boolean ownedByUser, boolean allTables, Set<TableId> tables,
                              Set<String> schemas, String publish) {
        public Publication {
            tables = Set.copyOf(tables);
            schemas = Set.copyOf(schemas);
        }
    }

    /** An existing replication slot of that name; {@code plugin} is null for a physical slot. */
    public record Slot(String plugin, String type, String database) {
    }

    /** The requested dedicated login, when it already exists. */
    public record Role(boolean canLogin, boolean replication, boolean rdsReplicationMember) {
    }

    /**
     * What the dedicated login can already do with the chosen tables; for a login still to be created, what
     * every role gets through PUBLIC (only CONNECT is taken from that: schema and table grants stay explicit).
     */
    public record RolePrivileges(boolean canConnect, Set<String> schemasWithUsage, Set<TableId> readableTables) {
        public RolePrivileges {
            schemasWithUsage = Set.copyOf(schemasWithUsage);
            readableTables = Set.copyOf(readableTables);
        }

        public static final RolePrivileges NONE = new RolePrivileges(false, Set.of(), Set.of());
    }
}
