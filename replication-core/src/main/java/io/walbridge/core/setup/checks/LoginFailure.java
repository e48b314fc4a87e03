package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.sql.Sql;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed login into cause and fix, from the SQLSTATE and the server's message. The pg_hba
 * messages name the client address as the server saw it (after any NAT or proxy), which is exactly the
 * address the user must allow, so it is read from the message rather than guessed locally.
 */
public final class LoginFailure {

    private static final Pattern HOST = Pattern.compile("host \"([^\"]*)\"");
    private static final Pattern ROLE = Pattern.compile("role \"([^\"]*)\"");

    private LoginFailure() {
    }

    public static CheckResult explain(SQLException e, PgEndpoint endpoint) {
        String message = serverMessage(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = endpoint.user();
        String lower = message.toLowerCase(Locale.ROOT);
        if (state.equals("28P01")) {
            return failed("the server rejected the password for user '" + user + "'",
                    "PostgreSQL gives the same answer when the user does not exist, so as not to reveal which users exist",
                    "check the password (in the URL, PGPASSWORD or ~/.pgpass); an administrator can set a new one with"
                            + " ALTER ROLE " + Sql.ident(user) + " PASSWORD '...';");
        }
        if (lower.contains("pg_hba.conf")) {
            return pgHba(message, lower, user, endpoint.database());
        }
        if (state.equals("28000") && lower.contains("does not exist")) {
            String role = find(ROLE, message).orElse(user);
            return failed("the user '" + role + "' does not exist on this server", message,
                    "check the user name in the URL, or create the user: CREATE ROLE " + Sql.ident(role)
                            + " LOGIN PASSWORD '...';");
        }
        if (state.equals("28000") && lower.contains("not permitted to log in")) {
            return failed("the user '" + user + "' may not log in", message, "ALTER ROLE " + Sql.ident(user) + " LOGIN;");
        }
        if (lower.contains("no password was provided") || lower.contains("password-based authentication")) {
            return failed("the server asks for a password, but none was given", message,
                    "put it in the URL (postgresql://user:PASSWORD@host/db), in PGPASSWORD, or in ~/.pgpass");
        }
        if (state.equals("53300")) {
            return failed("the server has no free connection slots", message,
                    "close idle connections, or raise max_connections on the server");
        }
        if (state.equals("57P03")) {
            return failed("the server is not accepting connections right now (starting, stopping or recovering)",
                    message, "wait a minute and run the check again");
        }
        if (lower.contains("timed out")) {
            String seconds = endpoint.params().getOrDefault("connect_timeout", "10");
            return failed("the server accepted the connection but did not complete the login within " + seconds + " s",
                    message, "something holds the connection open without passing it on (a proxy, load balancer or"
                            + " firewall), or the port is not PostgreSQL's, or the server is overloaded: check the port"
                            + " and the path to the server; raise connect_timeout in the URL for a slow link");
        }
        if (lower.contains("ssl") || lower.contains("certificate")) {
            return failed("the TLS connection to the server failed", message,
                    "run the check with the same sslmode and --ca as the tls stage; check the server's TLS settings");
        }
        return failed("the server refused the login", message + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"),
                "check the user, password and database in the URL against the server's pg_hba.conf");
    }

    private static CheckResult pgHba(String message, String lower, String user, String database) {
        String address = find(HOST, message).orElse("this machine's address");
        boolean plain = lower.contains("no encryption") || lower.contains("ssl off");
        String tlsHint = plain ? "\nthe attempt was not encrypted; if the server only allows TLS (hostssl lines),"
                + " use sslmode=verify-full" : "";
        String allow = "allow address " + address + ": add a line such as\n  hostssl " + database + " " + user + " "
                + cidr(address) + " scram-sha-256\nto pg_hba.conf and reload (SELECT pg_reload_conf();); on a managed"
                + " service add " + address + " to the allowed networks (RDS: security group; Cloud SQL: authorized"
                + " networks; Azure: firewall rules)";
        if (lower.contains("rejects connection")) {
            return failed("the server's pg_hba.conf rejects connections from " + address + " (user '" + user
                    + "', database '" + database + "')", message + tlsHint, "remove or narrow the reject line that"
                    + " matches " + address + " in pg_hba.conf, then " + allow);
        }
        return failed("the server's pg_hba.conf has no line that allows connections from " + address + " (user '"
                + user + "', database '" + database + "')", message + tlsHint, allow);
    }

    private static String cidr(String address) {
        return address.contains(":") ? address + "/128" : address.matches("[0-9.]+") ? address + "/32" : address;
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The server's own words when it sent some (without pgjdbc's "FATAL:" prefix), else pgjdbc's. */
    static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }

    private static CheckResult failed(String summary, String detail, String fix) {
        return CheckResult.failed(Stage.AUTHENTICATE, summary, detail, fix);
    }
}
