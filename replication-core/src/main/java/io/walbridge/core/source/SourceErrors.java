package io.walbridge.core.source;

import java.io.IOException;
import java.sql.SQLException;

/** Translates server errors met while streaming into messages that name the cause and the fix. */
public final class SourceErrors {

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
            return slotLost(slot, e);
        }
        if (state.equals("42501") || msg.contains("must be superuser or replication role")) {
            return new SourceUnavailable("the source user may not replicate",
                    "ALTER ROLE <user> WITH REPLICATION (on RDS: GRANT rds_replication TO <user>)", false, e);
        }
        if (connectionLost(e)) {
            return new SourceUnavailable("lost the replication connection to the source (" + firstLine(msg) + ")",
                    "WalBridge retries; if it persists, check that the source is up and reachable", true, e);
        }
        return new SourceUnavailable("the source stopped replication: " + firstLine(msg),
                "check the source server's log for details", false, e);
    }

    /**
     * The slot can no longer serve changes (PostgreSQL removed WAL it still needed, e.g. past
     * {@code max_slot_wal_keep_size}): what the destination lacks cannot be streamed any more, only copied again.
     */
    public static SourceUnavailable slotLost(String slot, Throwable cause) {
        return new SourceUnavailable("replication slot \"" + slot + "\" was invalidated (wal_status 'lost'): the source"
                + " removed WAL it still needed, so changes since its last confirmed position can no longer be streamed",
                "on the source run SELECT pg_drop_replication_slot('" + slot + "'); then copy every table again with a"
                        + " new slot: walbridge run --source URL --target URL --publication NAME --slot " + slot
                        + " --resnapshot all (it creates the slot); to keep this from recurring, raise"
                        + " max_slot_wal_keep_size or keep WalBridge running", false, cause);
    }

    /**
     * True when the failure is the connection itself — refused, reset, timed out, server shutting down or out of
     * connection slots — which a later retry can cure, as opposed to an error in what was asked.
     */
    public static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || e.getCause() instanceof IOException;
    }

    /** A connection loss met while doing something on the source; retriable. */
    public static SourceUnavailable lost(SQLException e, String doing) {
        return new SourceUnavailable("cannot reach the source to " + doing + " (" + reason(e) + ")",
                "check that the source is up and reachable from here ('walbridge check --source URL' tells why"
                        + " not); a pipeline that was already running retries by itself", true, e);
    }

    /** The first line of a connection error, with the cause pgjdbc hides behind "The connection attempt failed". */
    public static String reason(SQLException e) {
        String msg = firstLine(e.getMessage());
        Throwable cause = e.getCause();
        if (cause instanceof java.net.UnknownHostException) {
            return "the host name " + cause.getMessage() + " does not resolve";
        }
        if (cause instanceof java.net.SocketTimeoutException) {
            return msg + ": timed out";
        }
        if (cause != null && cause.getMessage() != null && msg.startsWith("The connection attempt failed")) {
            return msg + " (" + firstLine(cause.getMessage()) + ")";
        }
        return msg;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }
}
