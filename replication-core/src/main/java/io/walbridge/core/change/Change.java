package io.walbridge.core.change;

import java.util.List;

/** A decoded row-level change inside a committed source transaction. */
public sealed interface Change extends SourceEvent {

    TableSchema table();

    /** A new row. */
    record Insert(TableSchema table, Row newRow) implements Change {
    }

    /**
     * A changed row.
     *
     * @param oldRow the old key (identity DEFAULT/INDEX, only when the key changed) or the whole old
     *               row (identity FULL); null when the key did not change
     */
    record Update(TableSchema table, Row oldRow, Row newRow) implements Change {
    }

    /** A removed row, identified by its old key (or whole old row under REPLICA IDENTITY FULL). */
    record Delete(TableSchema table, Row oldRow) implements Change {
    }

    /**
     * The source table's columns changed (seen as a new Relation message for a known table); comes
     * before the first row that has the new shape.
     */
    record SchemaChange(TableSchema before, TableSchema table) implements Change {
    }

    /** TRUNCATE of one or more tables in one statement. */
    record Truncate(List<TableSchema> tables, boolean cascade, boolean restartIdentity) implements Change {
        public Truncate {
            tables = List.copyOf(tables);
        }

        @Override
        public TableSchema table() {
            return tables.get(0);
        }
    }
}
