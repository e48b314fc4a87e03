package io.walbridge.core.pipeline;

import io.walbridge.core.change.TableId;

import java.time.Instant;

/**
 * What one source table has had applied to the destination.
 *
 * @param lastChange source commit time of the newest applied change to the table; null before the first
 * @param errors     failed attempts to apply a batch that held changes of this table (the session is then
 *                   restarted from the checkpoint, or the pipeline fails)
 */
public record TableCounts(TableId table, long inserts, long updates, long deletes, Instant lastChange, long errors) {

    public long changes() {
        return inserts + updates + deletes;
    }
}
