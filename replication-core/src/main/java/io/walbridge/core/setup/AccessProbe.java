package io.walbridge.core.setup;

import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Asks the server which address it sees this machine as, and tries an unencrypted connection to learn whether
 * pg_hba.conf allows one. The unencrypted attempt never carries a password: getting as far as the password
 * question already proves the server would accept the connection.
 */
public final class AccessProbe {

    private final ConnectionFactory connections;

    public AccessProbe(ConnectionFactory connections) {
        this.connections = connections;
    }

    public AccessReport run(PgEndpoint endpoint) {
        Optional<String> address = Optional.empty();
        String loginProblem = "";
        try (Connection c = connections.open(endpoint);
             PreparedStatement ps = c.prepareStatement("SELECT host(inet_client_addr())");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            address = Optional.ofNullable(rs.getString(1));
        } catch (SQLException e) {
            loginProblem = endpoint.password().scrub(ServerRefusal.serverMessage(e));
        }
        return plainText(endpoint, address, loginProblem);
    }

    private static AccessReport plainText(PgEndpoint endpoint, Optional<String> address, String loginProblem) {
        Properties props = endpoint.jdbcProperties();
        // no password at all, not even from ~/.pgpass: it must never cross the network unencrypted
        props.remove("password");
        props.setProperty("sslmode", "disable");
        props.setProperty("loginTimeout", props.getProperty("connectTimeout", "10"));
        props.remove("sslrootcert");
        try (Connection ignored = DriverManager.getConnection(endpoint.jdbcUrl(), props)) {
            return new AccessReport(address, loginProblem, AccessReport.PlainText.ACCEPTED,
                    "an unencrypted connection logged in without a password");
        } catch (SQLException e) {
            String message = ServerRefusal.serverMessage(e);
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("no encryption") || lower.contains("ssl off")) {
                return new AccessReport(address, loginProblem, AccessReport.PlainText.REFUSED, message);
            }
            if (lower.contains("password") || "28P01".equals(e.getSQLState())) {
                return new AccessReport(address, loginProblem, AccessReport.PlainText.ACCEPTED,
                        "an unencrypted connection reached the password question");
            }
            return new AccessReport(address, loginProblem, AccessReport.PlainText.UNKNOWN, message);
        }
    }
}
