package io.walbridge.app.monitor;

/**
 * One table's outcome of Validate replication.
 *
 * @param outcome {@code OK} or {@code DIFF}
 * @param detail  row counts, and for a difference the keys that are missing, extra or different
 */
public record ValidationRow(String table, String outcome, String detail) {

    public boolean ok() {
        return "OK".equals(outcome);
    }
}
