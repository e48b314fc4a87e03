package io.walbridge.core.setup.checks;

import io.walbridge.core.change.TableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The tables a check looks at: the ones the user chose, or every user table in the database. The SQL
 * fragment expects {@code pg_class c} joined to {@code pg_namespace n}; names are bound, never inlined.
 */
final class TableScope {

    private final List<TableId> chosen;

    TableScope(List<TableId> chosen) {
        this.chosen = List.copyOf(chosen);
    }

    List<TableId> chosen() {
        return chosen;
    }

    /** Schemas starting with pg_ (catalog, toast, temp) are PostgreSQL's own; users cannot create such schemas. */
    String where() {
        String userSchemas = " n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";
        return chosen.isEmpty() ? userSchemas
                : userSchemas + " AND (n.nspname, c.relname) IN (SELECT * FROM unnest(?::text[], ?::text[]))";
    }

    /** Binds the chosen names from the given parameter index on. */
    void bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        if (!chosen.isEmpty()) {
            ps.setArray(first, c.createArrayOf("text", chosen.stream().map(TableId::schema).toArray()));
            ps.setArray(first + 1, c.createArrayOf("text", chosen.stream().map(TableId::name).toArray()));
        }
    }
}
