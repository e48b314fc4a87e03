package io.walbridge.core.setup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What one run has learned so far, passed from stage to stage: the addresses found, the address that
 * answered, the open session, the provider. Owns the session and closes it at the end of the run.
 */
public final class CheckContext implements AutoCloseable {

    private final CheckTarget target;
    private final Clock clock;
    private final ConnectionFactory connections;
    private final Cancellation cancellation;

    private List<InetAddress> addresses = List.of();
    private InetAddress reachable;
    private Connection session;
    private boolean databaseMissing;
    private Provider provider = Provider.SELF_HOSTED;

    public CheckContext(CheckTarget target, Clock clock, ConnectionFactory connections, Cancellation cancellation) {
        this.target = target;
        this.clock = clock;
        this.connections = connections;
        this.cancellation = cancellation;
    }

    public CheckTarget target() {
        return target;
    }

    public Clock clock() {
        return clock;
    }

    public ConnectionFactory connections() {
        return connections;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** libpq's {@code connect_timeout} (seconds), 10 s when the URL sets none. */
    public Duration connectTimeout() {
        String s = target.endpoint().params().getOrDefault("connect_timeout", "10");
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(s.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(10);
        }
    }

    /**
     * Opens a TCP connection the way pgjdbc will: from {@code localSocketAddress} when the URL sets one,
     * with the connect timeout. Cancelling the run closes it.
     */
    public Socket openSocket(InetAddress address) throws IOException {
        Socket socket = cancellation.track(new Socket());
        try {
            String local = target.endpoint().params().get("localSocketAddress");
            if (local != null && !local.isBlank()) {
                socket.bind(new InetSocketAddress(localAddress(local), 0));
            }
            int timeout = (int) connectTimeout().toMillis();
            socket.connect(new InetSocketAddress(address, target.endpoint().port()), timeout);
            socket.setSoTimeout(timeout);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            cancellation.untrack(socket);
            throw e;
        }
    }

    private static InetAddress localAddress(String text) throws UnknownHostException {
        return InetAddress.getByName(text.trim());
    }

    public List<InetAddress> addresses() {
        return addresses;
    }

    public void recordAddresses(List<InetAddress> found) {
        addresses = List.copyOf(found);
    }

    /** The address that accepted a TCP connection; later stages talk to the same one. */
    public InetAddress reachableAddress() {
        if (reachable == null) {
            throw new IllegalStateException("no address of the server answered");
        }
        return reachable;
    }

    public void recordReachable(InetAddress address) {
        reachable = address;
    }

    /** The logged-in session; later stages query through it. */
    public Connection session() {
        if (session == null) {
            throw new IllegalStateException("not logged in");
        }
        return session;
    }

    public void recordSession(Connection connection) {
        session = cancellation.track(connection);
    }

    /** The server accepted the login but has no such database (SQLSTATE 3D000 comes after authentication). */
    public boolean databaseMissing() {
        return databaseMissing;
    }

    public void recordDatabaseMissing() {
        databaseMissing = true;
    }

    public Provider provider() {
        return provider;
    }

    public void recordProvider(Provider guessed) {
        provider = guessed;
    }

    @Override
    public void close() {
        if (session != null) {
            cancellation.untrack(session);
            try {
                session.close();
            } catch (SQLException ignored) {
                // the run is over; a failed close changes nothing the user can act on
            }
        }
    }
}
