package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

/** One entry of the user's table list: a single table, or every table of a schema ({@code schema.*}). */
public sealed interface TablePattern {

    /** {@code schema.table}, matched exactly (names are case-sensitive as stored). */
    record ExactTable(TableId id) implements TablePattern {
    }

    /** {@code schema.*}: the schema's tables now and, on PostgreSQL 15+, those created later. */
    record WholeSchema(String schema) implements TablePattern {
    }
}
