package io.walbridge.core.source;

import java.sql.SQLException;

/** Translates server errors met while streaming into messages that name the cause and the fix. */
final class SourceErrors {

    private SourceErrors() {
    }

    static SourceUnavailable translate(SQLException e, String slot, String publication) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("replication slot") && msg.contains("does not exist")) {
            return new SourceUnavailable("replication slot \"" + slot + "\" does not exist on the source",
                    "create it with: walbridge setup --source URL --publication " + publication + " --slot " + slot, false, e);
        }
        if (msg.contains("publication") && msg.contains("does not exist")) {
            return new SourceUnavailable("publication \"" + publication + "\" does not exist on the source",
                    "create it with: walbridge setup --source URL --publication " + publication + " --slot " + slot, false, e);
        }
        if (state.equals("55006") || msg.contains("is active for PID")) {
            return new SourceUnavailable("replication slot \"" + slot + "\" is in use by another process (" + msg + ")",
                    "stop the other consumer, or use another slot", true, e);
        }
        if (msg.contains("can no longer") || msg.contains("has been invalidated") || msg.contains("wal_removed")) {
            return new SourceUnavailable("replication slot \"" + slot + "\" was invalidated: the source removed WAL it still needed",
                    "drop and re-create the slot, then copy the tables again (re-snapshot)", false, e);
        }
        if (state.equals("42501") || msg.contains("must be superuser or replication role")) {
            return new SourceUnavailable("the source user may not replicate",
                    "ALTER ROLE <user> WITH REPLICATION (on RDS: GRANT rds_replication TO <user>)", false, e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new SourceUnavailable("lost the replication connection to the source (" + firstLine(msg) + ")",
                    "WalBridge retries; if it persists, check that the source is up and reachable", true, e);
        }
        return new SourceUnavailable("the source stopped replication: " + firstLine(msg),
                "check the source server's log for details", state.startsWith("08"), e);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }
}
