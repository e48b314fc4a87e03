package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.SourceState.Publication;
import io.walbridge.core.setup.SourceState.Role;
import io.walbridge.core.setup.SourceState.RolePrivileges;
import io.walbridge.core.setup.SourceState.Slot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** Reads the server facts, the publication, the slot and the dedicated role as they are now; changes nothing. */
final class SourceInspector {

    private static final String SERVER = """
            SELECT current_setting('server_version_num')::int, current_setting('server_version'),
                   current_setting('wal_level'), pg_is_in_recovery(), current_user, current_database(),
                   r.rolsuper, r.rolreplication, r.rolcreaterole, has_database_privilege(current_database(), 'CREATE'),
                   EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'rds_replication'),
                   EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'rds_replication' AND pg_has_role(g.oid, 'MEMBER')),
                   current_setting('max_replication_slots')::int, (SELECT count(*) FROM pg_replication_slots)
            FROM pg_roles r WHERE r.rolname = current_user""";

    private SourceInspector() {
    }

    static SourceState read(Connection c, SetupRequest request, SourceCatalog catalog, ChosenTables chosen)
            throws SQLException {
        SourceFacts server = server(c);
        Optional<Role> role = Optional.empty();
        RolePrivileges privileges = RolePrivileges.NONE;
        if (request.dedicatedUser().isPresent()) {
            String name = request.dedicatedUser().get().value();
            role = role(c, name);
            privileges = role.isPresent() ? privileges(c, name, chosen, catalog) : new RolePrivileges(publicCanConnect(c),
                    Set.of(), Set.of());
        }
        return new SourceState(server, catalog, publication(c, request.publication().value(), server.versionNum()),
                slot(c, request.slot().value()), role, privileges);
    }

    private static SourceFacts server(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SERVER); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SourceFacts(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                    rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
                    rs.getBoolean(11), rs.getBoolean(12), rs.getInt(13), rs.getInt(14));
        }
    }

    private static Optional<Publication> publication(Connection c, String name, int version) throws SQLException {
        // pubtruncate arrived in PostgreSQL 11; before that a publication could not publish TRUNCATE at all
        String truncate = version >= 110000 ? "p.pubtruncate" : "false";
        long oid;
        Publication found;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.oid, pg_get_userbyid(p.pubowner),"
                + " pg_has_role(p.pubowner, 'USAGE'), p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, "
                + truncate + " FROM pg_publication p WHERE p.pubname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                StringJoiner publish = new StringJoiner(", ");
                String[] actions = {"insert", "update", "delete", "truncate"};
                for (int i = 0; i < actions.length; i++) {
                    if (rs.getBoolean(5 + i)) {
                        publish.add(actions[i]);
                    }
                }
                found = new Publication(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), Set.of(), Set.of(),
                        publish.toString());
            }
        }
        Set<TableId> tables = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_publication_rel r"
                + " JOIN pg_class c ON c.oid = r.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE r.prpubid = ?")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableId(rs.getString(1), rs.getString(2)));
                }
            }
        }
        Set<String> schemas = new HashSet<>();
        if (version >= 150000) {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_publication_namespace p"
                    + " JOIN pg_namespace n ON n.oid = p.pnnspid WHERE p.pnpubid = ?")) {
                ps.setLong(1, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                }
            }
        }
        return Optional.of(new Publication(found.owner(), found.ownedByUser(), found.allTables(), tables, schemas,
                found.publish()));
    }

    private static Optional<Slot> slot(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT plugin, slot_type, database FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Slot(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<Role> role(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.rolcanlogin, r.rolreplication, EXISTS (SELECT 1"
                + " FROM pg_roles g WHERE g.rolname = 'rds_replication' AND pg_has_role(r.oid, g.oid, 'MEMBER'))"
                + " FROM pg_roles r WHERE r.rolname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Role(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    private static boolean publicCanConnect(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT has_database_privilege('public', current_database(), 'CONNECT')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static RolePrivileges privileges(Connection c, String role, ChosenTables chosen, SourceCatalog catalog)
            throws SQLException {
        boolean connect;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT has_database_privilege(?, current_database(), 'CONNECT')")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                connect = rs.getBoolean(1);
            }
        }
        Set<String> usage = new HashSet<>();
        Set<TableId> readable = new HashSet<>();
        try (PreparedStatement schema = c.prepareStatement("SELECT has_schema_privilege(?, ?, 'USAGE')");
             PreparedStatement table = c.prepareStatement("SELECT has_table_privilege(?, ?::oid, 'SELECT')")) {
            for (TableId t : chosen.tables()) {
                schema.setString(2, t.schema());
                if (!usage.contains(t.schema()) && ask(schema, role)) {
                    usage.add(t.schema());
                }
                table.setLong(2, catalog.get(t).oid());
                if (ask(table, role)) {
                    readable.add(t);
                }
            }
        }
        return new RolePrivileges(connect, usage, readable);
    }

    private static boolean ask(PreparedStatement ps, String role) throws SQLException {
        ps.setString(1, role);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
