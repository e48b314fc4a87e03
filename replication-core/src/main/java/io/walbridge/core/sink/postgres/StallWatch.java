package io.walbridge.core.sink.postgres;

import io.walbridge.core.source.PgEndpoint;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells a destination call that is merely long (a big ALTER TABLE, a wait for a lock) from one whose server is
 * gone or whose request was lost, which a socket timeout cannot: a call running past the stall timeout makes
 * a second connection look at the first one's session in {@code pg_stat_activity}. Working on it (state
 * {@code active}): keep waiting. Unreachable, session gone, or idle since before the call (the request or its
 * reply was lost): the connection is aborted, the blocked call fails, and the pipeline reconnects.
 */
final class StallWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);
    private static final ScheduledExecutorService CHECKS = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "walbridge-stall-watch");
        t.setDaemon(true);
        return t;
    });

    private final PgEndpoint target;
    private final Connection connection;
    private final int backendPid;
    private final Duration after;
    private final ScheduledFuture<?> task;
    private volatile long callStarted;
    private volatile String abortedBecause;

    private StallWatch(PgEndpoint target, Connection connection, Duration after) throws SQLException {
        this.target = target;
        this.connection = connection;
        this.backendPid = connection.unwrap(PGConnection.class).getBackendPID();
        this.after = after;
        long every = Math.max(200, after.toMillis() / 2);
        this.task = CHECKS.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Watches calls on {@code connection} (a session of {@code target}) until closed. */
    static StallWatch of(PgEndpoint target, Connection connection, Duration after) throws SQLException {
        return new StallWatch(target, connection, after);
    }

    /** Marks the start of a call that may block on the server. */
    void begin() {
        callStarted = System.nanoTime();
    }

    void end() {
        callStarted = 0;
    }

    /** Why the connection was aborted, or null when it was not. */
    String abortedBecause() {
        return abortedBecause;
    }

    private void check() {
        long started = callStarted;
        if (started == 0 || abortedBecause != null || System.nanoTime() - started < after.toNanos()) {
            return;
        }
        String dead = probe();
        if (dead != null && callStarted == started) {
            abortedBecause = dead;
            log.warn("giving up the destination connection: {}", dead);
            try {
                connection.abort(Runnable::run); // closes the socket: the blocked call fails at once
            } catch (SQLException e) {
                log.debug("abort failed", e);
            }
        }
    }

    /** Why the watched session is dead, or null when it is working (or its state cannot be told). */
    private String probe() {
        Properties props = target.jdbcProperties();
        String seconds = String.valueOf(Math.max(1, after.toSeconds()));
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("ApplicationName", "walbridge stall check");
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), props);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT state, extract(epoch FROM now() - state_change) FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, backendPid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "the destination no longer has this session (backend " + backendPid + ")";
                }
                String state = rs.getString(1);
                double idleFor = rs.getDouble(2);
                if (state != null && state.startsWith("idle") && idleFor > after.toSeconds()) {
                    return "the destination has waited " + Math.round(idleFor) + " s for a request this session sent"
                            + " (the request or its reply was lost on the way)";
                }
                return null;
            }
        } catch (SQLException e) {
            String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
            // unreachable or shutting down; "too many connections" or a refused login say nothing about the session
            if (sqlState.startsWith("08") || sqlState.startsWith("57P")) {
                return "the destination does not answer a new connection either (" + firstLine(e.getMessage()) + ")";
            }
            log.debug("could not check the destination session: {}", e.getMessage());
            return null;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
