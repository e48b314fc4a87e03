package io.walbridge.core.verify;

import io.walbridge.core.change.TableId;

import java.util.List;

/**
 * What one table's comparison found. Keys are shown as PostgreSQL prints the key columns
 * ({@code (42)}, {@code (7,"a b")}); for a table without a key, the whole row is the key.
 */
public record TableDifference(TableId table, long sourceRows, long targetRows, List<String> missing, List<String> extra,
                              List<String> differing, boolean targetTableMissing) {

    public TableDifference {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        differing = List.copyOf(differing);
    }

    public boolean equal() {
        return !targetTableMissing && missing.isEmpty() && extra.isEmpty() && differing.isEmpty() && sourceRows == targetRows;
    }
}
