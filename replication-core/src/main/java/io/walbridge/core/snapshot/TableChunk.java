package io.walbridge.core.snapshot;

import io.walbridge.core.source.TableDefinition;

/**
 * A slice of a table by physical position (ctid pages), so any table — with or without a key — splits
 * into even parts; {@code endPage < 0} means to the end of the table.
 */
record TableChunk(TableDefinition table, long startPage, long endPage) {

    static TableChunk whole(TableDefinition table) {
        return new TableChunk(table, 0, -1);
    }

    String whereClause() {
        if (startPage == 0 && endPage < 0) {
            return "";
        }
        String from = "ctid >= '(" + startPage + ",0)'::tid";
        return endPage < 0 ? " WHERE " + from : " WHERE " + from + " AND ctid < '(" + endPage + ",0)'::tid";
    }
}
