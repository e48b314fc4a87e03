package io.walbridge.core.change;

import java.util.Objects;

/** A table's schema and name exactly as PostgreSQL stores them (case kept, never folded). */
public record TableId(String schema, String name) implements Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code schema.table}, where either part may be double-quoted ({@code "My Schema"."T.1"}). */
    public static TableId parse(String text) {
        java.util.List<String> parts = io.walbridge.core.sql.QualifiedName.split(text);
        if (parts.size() == 1) {
            return new TableId("public", parts.get(0));
        }
        if (parts.size() != 2) {
            throw new IllegalArgumentException("expected schema.table, got: " + text);
        }
        return new TableId(parts.get(0), parts.get(1));
    }

    /** The quoted, SQL-safe name: {@code "schema"."name"}. */
    public String quoted() {
        return io.walbridge.core.sql.Sql.ident(schema) + "." + io.walbridge.core.sql.Sql.ident(name);
    }

    @Override
    public int compareTo(TableId o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
