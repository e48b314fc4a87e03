package io.walbridge.app.monitor;

import io.walbridge.core.change.TableId;

/**
 * One row of the dashboard's table list: what the destination holds of this table's changes, and its copy.
 *
 * @param lastChange source commit time of the newest applied change, as text ("–" before the first)
 * @param copy       the initial copy's state ("copied, 200 rows", "copying 40%", or "" when none ran here)
 */
public record TableFigures(TableId table, long inserts, long updates, long deletes, String lastChange, long errors,
                           String copy) {
}
