package io.walbridge.core.monitor;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads every replication slot of a source with one statement per poll, over one connection kept open
 * between polls. The caller drives the polls; they run at most once a second, a faster caller gets
 * the last result again.
 */
public final class SlotMonitor implements AutoCloseable {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final PgEndpoint source;
    private final Clock clock;
    private final InactivityTracker inactivity;
    private final ConsumerRecognizer recognizer;
    private final ConnectionFactory connections;
    private final CatchUpTracker catchUp = new CatchUpTracker();
    private Connection connection;
    private SlotQuery query;
    private int serverVersion;
    private SourceSlots last;

    public SlotMonitor(PgEndpoint source, Clock clock, InactivityTracker inactivity, ConsumerRecognizer recognizer,
                       ConnectionFactory connections) {
        this.source = source;
        this.clock = clock;
        this.inactivity = inactivity;
        this.recognizer = recognizer;
        this.connections = connections;
    }

    public SlotMonitor(PgEndpoint source, Clock clock, InactivityTracker inactivity) {
        this(source, clock, inactivity, ConsumerRecognizer.DEFAULT, ConnectionFactory.PGJDBC);
    }

    /** The slots now, or the previous result when it is less than a second old. */
    public synchronized SourceSlots poll() {
        Instant now = clock.instant();
        if (last != null) {
            Duration since = Duration.between(last.takenAt(), now);
            // a clock stepped back must not freeze the monitor until it catches up again
            if (!since.isNegative() && since.compareTo(MIN_INTERVAL) < 0) {
                return last;
            }
        }
        SlotQuery.Result result = read();
        Map<String, Instant> inactiveSince = inactivity.update(result.slots(), now);
        List<SlotStatus> slots = new ArrayList<>(result.slots().size());
        for (SlotStatus s : result.slots()) {
            ConsumerEngine engine = recognizer.recognize(s.name(), s.slotType(), s.plugin(), s.applicationName());
            slots.add(s.withTracking(engine, inactiveSince.get(s.name()),
                    catchUp.observe(s.name(), s.confirmedFlushLsn(), result.currentLsn(), now)));
        }
        Set<String> names = slots.stream().map(SlotStatus::name).collect(Collectors.toSet());
        catchUp.retainOnly(names);
        last = new SourceSlots(now, serverVersion, result.currentLsn(), result.maxSlotWalKeepSize(), slots);
        return last;
    }

    private SlotQuery.Result read() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connections.open(source);
                connection.setAutoCommit(true);
                prepare(connection);
            }
            return query.run(connection);
        } catch (SQLException e) {
            closeQuietly();
            String why = source.password().scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new UserFacingException("could not read the replication slots of " + source.display() + ": "
                    + why.lines().findFirst().orElse(why),
                    "run 'walbridge check --source URL' to diagnose the connection", e);
        }
    }

    /** Learns the server version once per connection and writes the statement for it. */
    private void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            serverVersion = Integer.parseInt(rs.getString(1).trim());
        }
        if (serverVersion < SlotQuery.OLDEST_SUPPORTED) {
            closeQuietly();
            throw new UserFacingException("the source runs PostgreSQL " + serverVersion / 10_000 + "." + serverVersion / 100 % 100
                    + "; the slot monitor needs PostgreSQL 10 or newer", "upgrade the source server");
        }
        query = new SlotQuery(serverVersion);
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being discarded; a failure to close it changes nothing
            }
            connection = null;
        }
    }
}
