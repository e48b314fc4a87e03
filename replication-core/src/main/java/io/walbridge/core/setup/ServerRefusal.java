package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.source.PgEndpoint;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Turns a server error into plain words and a fix, by SQLSTATE rather than by the (translated) message text. */
public record ServerRefusal(String problem, String fix) {

    /**
     * @param doing      what was being done, as in "could not {doing}"
     * @param whenDenied the fix for a permission error, which depends on the statement
     */
    public static ServerRefusal explain(SQLException e, String doing, String whenDenied) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String said = serverMessage(e);
        String couldNot = "could not " + doing;
        if (state.startsWith("08")) {
            return new ServerRefusal("lost the connection to the server; " + couldNot,
                    "check the network and that the server is up, then run setup again");
        }
        return switch (state) {
            case "42501" -> new ServerRefusal("permission denied: " + couldNot + ": " + said, whenDenied);
            case "55000" -> said.contains("wal_level")
                    ? new ServerRefusal(couldNot + ": " + said, "ALTER SYSTEM SET wal_level = logical; then restart"
                            + " the server (on a managed service, turn on its logical replication setting)")
                    : new ServerRefusal(couldNot + ": " + said, "");
            case "53400" -> new ServerRefusal(couldNot + ": " + said, "drop a replication slot nothing uses any more,"
                    + " or raise max_replication_slots and restart the server");
            case "42710" -> new ServerRefusal(couldNot + ": " + said + " (made by someone else while setup ran)",
                    "run setup again: it keeps what already exists and checks it");
            case "55P03" -> new ServerRefusal(couldNot + ": a table stayed locked by other work for more than "
                    + SqlScript.LOCK_TIMEOUT, "run setup again when the tables are less busy, or end the long"
                    + " transaction holding the lock (see pg_stat_activity)");
            case "25006" -> new ServerRefusal(couldNot + ": the server is a read-only standby",
                    "connect --source to the primary server");
            case "57014" -> new ServerRefusal(couldNot + ": the statement was cancelled (" + said + ")",
                    "run setup again; if it keeps happening, raise statement_timeout for this user");
            case "40001", "40P01" -> new ServerRefusal(couldNot + ": " + said, "run setup again");
            default -> new ServerRefusal(couldNot + ": " + said + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"),
                    "");
        };
    }

    /** Why connecting to the source failed; the endpoint's password never appears in the text. */
    public static ServerRefusal connecting(SQLException e, PgEndpoint ep) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = ep.host() + ":" + ep.port();
        String said = ep.password().scrub(serverMessage(e));
        if (state.startsWith("08")) {
            return new ServerRefusal("cannot reach PostgreSQL at " + where + ": " + said,
                    "check the host and port in --source, that the server is running, and that no firewall is in"
                            + " the way");
        }
        return switch (state) {
            case "28P01" -> new ServerRefusal("the server refused the password of user " + ep.user() + " at " + where,
                    "check the password (in the URL, PGPASSWORD or ~/.pgpass)");
            case "28000" -> new ServerRefusal("the server refused user " + ep.user() + " for database "
                    + ep.database() + " at " + where + ": " + said,
                    "check the user name in --source; if it is right, ask the DBA for a pg_hba.conf entry for this"
                            + " user and host (or add sslmode=require if only TLS connections are allowed)");
            case "3D000" -> new ServerRefusal("database " + ep.database() + " does not exist at " + where,
                    "check the database name at the end of the --source URL");
            default -> new ServerRefusal("cannot connect to " + where + ": " + said
                    + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), "");
        };
    }

    public UserFacingException asException(Throwable cause) {
        return new SetupFailed(problem, fix, cause);
    }

    /** The server's own one-line message, without the "ERROR:" prefix, detail and position lines. */
    static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null && m.getMessage() != null) {
                return m.getMessage();
            }
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
