package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.TablePattern.ExactTable;
import io.walbridge.core.setup.TablePattern.WholeSchema;
import io.walbridge.core.sql.QualifiedName;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user's table list ({@code public.orders, "My Schema"."Orders", sales.*}); empty means every table.
 * Names are matched as typed, without case folding, because users copy them from catalogs and tools.
 */
public record TableSelection(List<TablePattern> patterns) {

    public TableSelection {
        patterns = List.copyOf(patterns);
    }

    public static TableSelection allTables() {
        return new TableSelection(List.of());
    }

    /** Parses a comma-separated list; a comma inside double quotes is part of a name. */
    public static TableSelection parse(String text) {
        List<TablePattern> patterns = new ArrayList<>();
        for (String entry : splitEntries(text == null ? "" : text)) {
            if (entry.equals("*")) {
                return allTables();
            }
            patterns.add(parseEntry(entry));
        }
        return new TableSelection(patterns);
    }

    public boolean isAll() {
        return patterns.isEmpty();
    }

    /** Reads the source's catalog and resolves the selection against it. */
    public ChosenTables resolve(Connection connection) throws SQLException {
        return resolve(SourceCatalog.read(connection));
    }

    public ChosenTables resolve(SourceCatalog catalog) {
        if (isAll()) {
            return new ChosenTables(true, topOf(catalog, catalog.tables().stream()
                    .filter(t -> !t.unlogged()).toList()), Set.of());
        }
        Set<CatalogTable> found = new LinkedHashSet<>();
        Set<String> schemas = new TreeSet<>();
        for (TablePattern p : patterns) {
            // Java 17 has no pattern switch; the interface is sealed, so these two cases are all of them
            if (p instanceof ExactTable e) {
                found.add(exact(catalog, e.id()));
            } else if (p instanceof WholeSchema w) {
                requireSchema(catalog, w.schema());
                schemas.add(w.schema());
                catalog.tables().stream()
                        .filter(t -> t.id().schema().equals(w.schema()) && !t.unlogged())
                        .forEach(found::add);
            }
        }
        return new ChosenTables(false, topOf(catalog, List.copyOf(found)), schemas);
    }

    /** Drops partitions whose partitioned ancestor is also chosen: publishing the parent covers them. */
    private static List<TableId> topOf(SourceCatalog catalog, List<CatalogTable> chosen) {
        Set<Long> oids = new HashSet<>();
        chosen.forEach(t -> oids.add(t.oid()));
        return chosen.stream().filter(t -> !catalog.hasAncestorIn(t, oids)).map(CatalogTable::id).sorted().toList();
    }

    private static CatalogTable exact(SourceCatalog catalog, TableId id) {
        requireSchema(catalog, id.schema());
        CatalogTable t = catalog.find(id).orElseThrow(() -> new SetupRefused(
                "table " + id + " does not exist (or is not a table)" + didYouMean(catalog, id),
                "check --tables: names are case-sensitive; quote names with capitals, dots or commas,"
                        + " e.g. \"Sales\".\"Orders\""));
        if (t.unlogged()) {
            throw new SetupRefused("table " + id + " is unlogged; logical replication cannot publish unlogged tables",
                    "make it logged with ALTER TABLE " + id.quoted() + " SET LOGGED, or leave it out of --tables");
        }
        return t;
    }

    private static void requireSchema(SourceCatalog catalog, String schema) {
        if (SourceCatalog.isSystemSchema(schema)) {
            throw new SetupRefused("schema " + schema + " is a system schema; its tables cannot be published",
                    "leave it out of --tables");
        }
        if (!catalog.schemas().contains(schema)) {
            String hint = catalog.schemas().stream().filter(s -> s.equalsIgnoreCase(schema)).findFirst()
                    .map(s -> "; did you mean " + Sql.ident(s) + "?").orElse("");
            throw new SetupRefused("schema " + schema + " does not exist in this database" + hint,
                    "check --tables: names are case-sensitive; list the schemas with \\dn in psql");
        }
    }

    private static String didYouMean(SourceCatalog catalog, TableId id) {
        return catalog.tables().stream()
                .filter(t -> t.id().schema().equalsIgnoreCase(id.schema()) && t.id().name().equalsIgnoreCase(id.name()))
                .findFirst().map(t -> "; did you mean " + t.id().quoted() + "?").orElse("");
    }

    private static TablePattern parseEntry(String entry) {
        try {
            // the final ".*" cannot be inside quotes here: QualifiedName rejects the unterminated quote
            if (entry.endsWith(".*")) {
                List<String> parts = QualifiedName.split(entry.substring(0, entry.length() - 2));
                if (parts.size() != 1) {
                    throw new IllegalArgumentException("expected one schema name before .*");
                }
                return new WholeSchema(parts.get(0));
            }
            return new ExactTable(TableId.parse(entry));
        } catch (IllegalArgumentException e) {
            throw new SetupRefused("cannot read '" + entry + "' as a table name: " + e.getMessage(),
                    "write schema.table or schema.*, separated by commas; double-quote names with capitals,"
                            + " spaces, dots or commas");
        }
    }

    private static List<String> splitEntries(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted; // a doubled "" toggles twice, staying inside the name
            }
            if (c == ',' && !quoted) {
                addEntry(entries, cur);
            } else {
                cur.append(c);
            }
        }
        addEntry(entries, cur);
        return entries;
    }

    private static void addEntry(List<String> entries, StringBuilder cur) {
        String e = cur.toString().strip();
        if (!e.isEmpty()) {
            entries.add(e);
        }
        cur.setLength(0);
    }
}
