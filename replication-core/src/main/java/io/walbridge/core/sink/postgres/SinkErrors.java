package io.walbridge.core.sink.postgres;

import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.SourceErrors;

import java.sql.SQLException;

/** Turns destination errors into messages with a fix, and says which ones a retry may cure. */
final class SinkErrors {

    private SinkErrors() {
    }

    static SinkFailure translate(SQLException e, String doing) {
        // a batch failure's own message repeats the whole statement with its values: row data has no place in
        // logs and messages, and the server's reason is in the next exception
        SQLException reason = e instanceof java.sql.BatchUpdateException && e.getNextException() != null
                ? e.getNextException() : e;
        String state = reason.getSQLState() == null ? "" : reason.getSQLState();
        String msg = firstLine(reason.getMessage());
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new SinkFailure("cannot reach the destination to " + doing + " (" + SourceErrors.reason(reason) + ")",
                    "check that the destination is up and reachable from here ('walbridge check --source"
                            + " DESTINATION_URL' tells why not); a pipeline that was already running retries by itself",
                    true, e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("53100")
                || state.equals("53200") || state.equals("53300")) {
            return new SinkFailure("the destination could not " + doing + " right now (" + msg + ")",
                    "WalBridge retries; this clears once the lock, disk or connection limit is freed", true, e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new SinkFailure("the destination refused the login: " + msg,
                    "check the user and password in the target URL", false, e);
        }
        if (state.equals("42501")) {
            return new SinkFailure("the destination user lacks a privilege: " + msg,
                    "grant it CREATE on the database and ownership (or INSERT/UPDATE/DELETE) on the tables", false, e);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return new SinkFailure("the destination rejected a row: " + msg,
                    "make the destination table's columns and constraints match the source's", false, e);
        }
        return new SinkFailure("could not " + doing + ": " + msg, "see the destination server's log for details",
                false, e);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }
}
