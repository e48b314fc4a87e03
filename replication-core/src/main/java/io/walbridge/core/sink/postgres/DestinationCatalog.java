package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.source.TypeDefinition;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads destination tables and creates the schemas, types and tables that are missing. */
final class DestinationCatalog {

    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";
    private static final String PRIMARY_KEY = """
            SELECT a.attname
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary ORDER BY k.ord""";

    private final Connection connection;

    DestinationCatalog(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            // format_type then names every user type with its schema, whatever the role's search_path
            s.execute("SET search_path = pg_catalog");
        }
    }

    /** The destination table's columns, or an empty list when the table does not exist. */
    List<DestinationColumn> columns(TableId table) throws SQLException {
        List<DestinationColumn> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DestinationColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    List<String> primaryKey(TableId table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEY)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Creates the table as the source defines it, with its schema and user-defined types when missing. */
    void create(TableDefinition def) throws SQLException {
        create(def, true);
    }

    /**
     * Like {@link #create(TableDefinition)}; without {@code withKey} the primary key is left out, for a
     * copy to fill the table first ({@link #addPrimaryKey} afterwards builds the index in one sorted pass).
     */
    void create(TableDefinition def, boolean withKey) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(def.id().schema()));
            for (TypeDefinition type : def.types()) {
                createType(type);
            }
            String columns = def.columns().stream()
                    .map(c -> Sql.ident(c.name()) + " " + c.type())
                    .collect(Collectors.joining(", "));
            String pk = def.primaryKey().isEmpty() || !withKey ? ""
                    : ", PRIMARY KEY (" + def.primaryKey().stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")";
            s.execute("CREATE TABLE " + def.id().quoted() + " (" + columns + pk + ")");
        }
    }

    void addPrimaryKey(TableId table, List<String> columns) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE " + table.quoted() + " ADD PRIMARY KEY ("
                    + columns.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** Creates a user-defined type the source has and the destination lacks. */
    void createType(TypeDefinition type) throws SQLException {
        if (exists(type.name())) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            createType(s, type);
        }
    }

    private void createType(Statement s, TypeDefinition type) throws SQLException {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(type.name().schema()));
        if (type instanceof TypeDefinition.Enum e) {
            String labels = e.labels().stream().map(Sql::literal).collect(Collectors.joining(", "));
            s.execute("CREATE TYPE " + e.name().quoted() + " AS ENUM (" + labels + ")");
        } else if (type instanceof TypeDefinition.Domain d) {
            s.execute("CREATE DOMAIN " + d.name().quoted() + " AS " + d.baseType());
        } else if (type instanceof TypeDefinition.External x) {
            throw new SinkFailure("the destination has no type " + x.name() + " (a " + x.kind() + " on the source)",
                    "create the type (or its extension) on the destination first, then restart", false, null);
        }
    }

    private boolean exists(TableId type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typname = ?")) {
            ps.setString(1, type.schema());
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
