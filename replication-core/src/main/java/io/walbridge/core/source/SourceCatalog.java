package io.walbridge.core.source;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads table and type definitions from the source's catalog, for destinations that create tables. */
public final class SourceCatalog {

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid, a.atttypmod
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY a.attnum""";
    private static final String PRIMARY_KEY = """
            SELECT a.attname
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary
            ORDER BY k.ord""";
    private static final String TYPE = """
            SELECT n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype,
                   format_type(t.typbasetype, t.typtypmod)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ?""";
    private static final String ENUM_LABELS = "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder";

    private final PgEndpoint source;

    public SourceCatalog(PgEndpoint source) {
        this.source = source;
    }

    /** A type as the destination should spell it ({@code format_type} with schema qualification). */
    public String typeName(int typeOid, int typeModifier) {
        try (Connection c = source.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path = pg_catalog");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT format_type(CAST(? AS oid), ?)")) {
                ps.setLong(1, Integer.toUnsignedLong(typeOid));
                ps.setInt(2, typeModifier);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "name type " + typeOid);
            }
            throw new IllegalStateException("could not name type " + typeOid + " on the source: " + e.getMessage(), e);
        }
    }

    /**
     * The value rows that predate a column's {@code ADD COLUMN … DEFAULT} read for it (PostgreSQL
     * stores it instead of rewriting them), as an array literal; empty when there is none or it is hidden.
     */
    public java.util.Optional<String> missingValue(TableId table, String column) {
        try (Connection c = source.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT a.attmissingval::text FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     WHERE n.nspname = ? AND t.relname = ? AND a.attname = ? AND a.atthasmissing""")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                // guessing "no value" here would leave old rows without the column's default for good
                throw SourceErrors.lost(e, "read the default of " + table + "." + column);
            }
            // attmissingval is not readable for every role; the column is then added without a value
            return java.util.Optional.empty();
        }
    }

    /** The tables a publication currently publishes (leaf partitions included). */
    public java.util.List<TableId> publicationTables(String publication) {
        try (Connection c = source.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ? ORDER BY 1, 2")) {
            ps.setString(1, publication);
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
                exists.setString(1, publication);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new UserFacingException("publication \"" + publication + "\" does not exist on the source",
                                "create it with: walbridge setup --source URL --publication " + publication + " --slot NAME");
                    }
                }
            }
            java.util.List<TableId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TableId(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "list the tables of publication \"" + publication + "\"");
            }
            throw new UserFacingException("could not list the tables of publication \"" + publication + "\": "
                    + e.getMessage(), "check that the publication exists (walbridge setup creates it)", e);
        }
    }

    /** Reads one table's definition over a short-lived connection (needed once per new table, so rarely). */
    public TableDefinition describe(TableId table) {
        try (Connection c = source.connect()) {
            try (Statement s = c.createStatement()) {
                // with only pg_catalog on the path, format_type qualifies every user type with its schema
                s.execute("SET search_path = pg_catalog");
            }
            return describe(c, table);
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "read the definition of " + table);
            }
            throw new IllegalStateException("could not read the definition of " + table + " from the source: "
                    + e.getMessage(), e);
        }
    }

    private TableDefinition describe(Connection connection, TableId table) throws SQLException {
        {
            List<TableDefinition.ColumnDefinition> columns = new ArrayList<>();
            Map<Long, TypeDefinition> types = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
                ps.setString(1, table.schema());
                ps.setString(2, table.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new TableDefinition.ColumnDefinition(rs.getString(1), rs.getString(2), (int) rs.getLong(3),
                                rs.getInt(4)));
                        collectType(connection, rs.getLong(3), types);
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new UserFacingException("table " + table + " does not exist on the source (or has no columns)",
                        "check the table name and the publication's table list");
            }
            List<String> pk = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEY)) {
                ps.setString(1, table.schema());
                ps.setString(2, table.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pk.add(rs.getString(1));
                    }
                }
            }
            return new TableDefinition(table, columns, pk, new ArrayList<>(types.values()));
        }
    }

    /** Adds the user-defined types behind {@code oid}, dependencies first; built-in types need nothing. */
    private void collectType(Connection connection, long oid, Map<Long, TypeDefinition> out) throws SQLException {
        if (oid < 16384 || out.containsKey(oid)) {
            return; // OIDs below 16384 belong to the system catalogs
        }
        try (PreparedStatement ps = connection.prepareStatement(TYPE)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                TableId name = new TableId(rs.getString(1), rs.getString(2));
                char kind = rs.getString(3).charAt(0);
                char category = rs.getString(4).charAt(0);
                long elem = rs.getLong(5);
                long base = rs.getLong(6);
                String baseType = rs.getString(7);
                if (category == 'A' && elem != 0) {
                    collectType(connection, elem, out);
                } else if (kind == 'e') {
                    out.put(oid, new TypeDefinition.Enum(name, enumLabels(connection, oid)));
                } else if (kind == 'd') {
                    collectType(connection, base, out);
                    out.put(oid, new TypeDefinition.Domain(name, baseType));
                } else {
                    out.put(oid, new TypeDefinition.External(name, switch (kind) {
                        case 'c' -> "composite type";
                        case 'r', 'm' -> "range type";
                        default -> "extension type";
                    }));
                }
            }
        }
    }

    private List<String> enumLabels(Connection connection, long oid) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(ENUM_LABELS)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }
}
