package io.walbridge.core.testing.bigquery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only SQL the stand-in runs: the two statements WalBridge sends, recognised exactly —
 * {@code ALTER TABLE `p.d.t` SET OPTIONS (max_staleness = INTERVAL n MINUTE|SECOND)} and
 * {@code TRUNCATE TABLE `p.d.t`}. Any other statement is refused with a 400 that says so: the stand-in is not
 * a SQL engine.
 */
final class StandInStatements {

    /** A statement's result: affected rows, or an HTTP error. */
    record Outcome(long affectedRows, int status, String reason, String error) {
        static Outcome ok(long rows) {
            return new Outcome(rows, 200, null, null);
        }

        static Outcome fail(int status, String reason, String error) {
            return new Outcome(0, status, reason, error);
        }
    }

    private static final String TABLE = "`([^.`]+)\\.([^.`]+)\\.([^.`]+)`";
    private static final Pattern ALTER = Pattern.compile(
            "ALTER TABLE " + TABLE + " SET OPTIONS \\(max_staleness = INTERVAL (\\d+) (MINUTE|SECOND)\\)");
    private static final Pattern TRUNCATE = Pattern.compile("TRUNCATE TABLE " + TABLE);

    private final StandInStore store;

    StandInStatements(StandInStore store) {
        this.store = store;
    }

    Outcome run(String project, String sql) {
        Matcher m;
        if ((m = ALTER.matcher(sql.trim())).matches()) {
            StandInTable t = store.table(m.group(1), m.group(2), m.group(3));
            if (t == null) {
                return notFound(m);
            }
            long n = Long.parseLong(m.group(4));
            long seconds = m.group(5).equals("MINUTE") ? n * 60 : n;
            t.maxStaleness(String.format("0-0 0 %d:%d:%d", seconds / 3600, seconds / 60 % 60, seconds % 60));
            return Outcome.ok(0);
        }
        if ((m = TRUNCATE.matcher(sql.trim())).matches()) {
            StandInTable t = store.table(m.group(1), m.group(2), m.group(3));
            if (t == null) {
                return notFound(m);
            }
            int rows = t.rowCount();
            t.truncate();
            return Outcome.ok(rows);
        }
        return Outcome.fail(400, "invalidQuery", "stand-in: this statement is not one the stand-in runs: " + sql);
    }

    private static Outcome notFound(Matcher m) {
        return Outcome.fail(404, "notFound", "Not found: Table " + m.group(1) + ":" + m.group(2) + "." + m.group(3));
    }
}
