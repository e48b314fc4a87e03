package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user tables and schemas of the source database (system schemas left out), read in two queries and
 * indexed once, since databases with many thousands of tables are common.
 */
public final class SourceCatalog {

    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, c.relkind = 'p',
                   COALESCE((SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition), 0),
                   c.relpersistence <> 'p',
                   EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'),
                   c.relreplident, pg_get_userbyid(c.relowner), pg_has_role(c.relowner, 'USAGE'),
                   has_table_privilege(c.oid, 'SELECT WITH GRANT OPTION')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname, c.relname""";

    private static final String SCHEMAS = """
            SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'""";

    private final List<CatalogTable> tables;
    private final Set<String> schemas;
    private final Map<TableId, CatalogTable> byId = new HashMap<>();
    private final Map<Long, CatalogTable> byOid = new HashMap<>();
    private final Map<Long, List<CatalogTable>> children = new HashMap<>();

    public SourceCatalog(List<CatalogTable> tables, Set<String> schemas) {
        this.tables = List.copyOf(tables);
        this.schemas = Set.copyOf(schemas);
        for (CatalogTable t : this.tables) {
            byId.put(t.id(), t);
            byOid.put(t.oid(), t);
            children.computeIfAbsent(t.parentOid(), k -> new ArrayList<>()).add(t);
        }
    }

    public List<CatalogTable> tables() {
        return tables;
    }

    public Set<String> schemas() {
        return schemas;
    }

    public static SourceCatalog read(Connection c) throws SQLException {
        List<CatalogTable> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new CatalogTable(new TableId(rs.getString(2), rs.getString(3)), rs.getLong(1),
                        rs.getBoolean(4), rs.getLong(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8).charAt(0),
                        rs.getString(9), rs.getBoolean(10), rs.getBoolean(11)));
            }
        }
        Set<String> schemas = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(SCHEMAS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return new SourceCatalog(tables, schemas);
    }

    /** PostgreSQL reserves {@code pg_*} schema names; with {@code information_schema} they hold no user data. */
    public static boolean isSystemSchema(String schema) {
        return schema.startsWith("pg_") || schema.equals("information_schema");
    }

    public Optional<CatalogTable> find(TableId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public CatalogTable get(TableId id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("not in catalog: " + id));
    }

    /** The tables that actually hold rows: the table itself, or every leaf partition below a partitioned one. */
    public List<CatalogTable> leavesOf(TableId id) {
        List<CatalogTable> leaves = new ArrayList<>();
        collectLeaves(get(id), leaves);
        return leaves;
    }

    private void collectLeaves(CatalogTable t, List<CatalogTable> out) {
        if (!t.partitioned()) {
            out.add(t);
            return;
        }
        for (CatalogTable child : children.getOrDefault(t.oid(), List.of())) {
            collectLeaves(child, out);
        }
    }

    /** True when one of the table's ancestors is in the given set (it is then published through that ancestor). */
    boolean hasAncestorIn(CatalogTable t, Set<Long> oids) {
        for (long p = t.parentOid(); p != 0; ) {
            if (oids.contains(p)) {
                return true;
            }
            CatalogTable parent = byOid.get(p);
            p = parent == null ? 0 : parent.parentOid();
        }
        return false;
    }
}
