package io.walbridge.core.monitor;

import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on a test server with slots under unique names (slots are server-wide and other
 * tests share the server), a way to write WAL and to attach a consumer; drops its slots on close.
 */
final class SlotFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final PgServer server;
    final String db;
    private final List<String> slots = new ArrayList<>();
    private final List<Connection> consumers = new ArrayList<>();

    SlotFixture(PgServer server) {
        this.server = server;
        this.db = server.freshDatabase();
        server.exec(db, "CREATE TABLE filler (id bigint, body text)", "CREATE PUBLICATION pub FOR ALL TABLES");
    }

    SlotFixture() {
        this(PgServer.shared("source"));
    }

    PgEndpoint endpoint() {
        return server.endpoint(db);
    }

    String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    /** A new pgoutput slot in this database, created while nothing reads it. */
    String logicalSlot(String prefix) {
        String name = uniqueName(prefix);
        slots.add(name);
        server.exec(db, "SELECT pg_create_logical_replication_slot('" + name + "', 'pgoutput')");
        return name;
    }

    /** A new physical slot that reserves WAL at once, as a standby's would. */
    String physicalSlot(String prefix) {
        String name = uniqueName(prefix);
        slots.add(name);
        server.exec(db, "SELECT pg_create_physical_replication_slot('" + name + "', true)");
        return name;
    }

    /** Writes about {@code rows} × 150 bytes of WAL in one transaction. */
    void writeWal(int rows) {
        server.exec(db, "INSERT INTO filler SELECT g, repeat('x', 100) FROM generate_series(1, " + rows + ") g");
    }

    /** Starts streaming the slot over a replication connection that calls itself {@code applicationName}. */
    void consume(String slot, String applicationName) throws SQLException {
        Properties p = new Properties();
        PGProperty.USER.set(p, "postgres");
        PGProperty.REPLICATION.set(p, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        PGProperty.APPLICATION_NAME.set(p, applicationName);
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/" + db, p);
        consumers.add(c);
        PGReplicationStream stream = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(slot).withSlotOption("proto_version", "1").withSlotOption("publication_names", "pub").start();
        stream.readPending(); // the slot is acquired once START_REPLICATION answered; this only proves the stream works
    }

    /** Disconnects every consumer and waits until the server has released their slots. */
    void stopConsumers() throws SQLException {
        for (Connection c : consumers) {
            c.close();
        }
        consumers.clear();
        for (String slot : slots) {
            awaitInactive(slot);
        }
    }

    private void awaitInactive(String slot) {
        // the walsender releases the slot a moment after its client goes away
        for (int i = 0; i < 600; i++) {
            String active = server.scalar(db, "SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
            if (active == null || active.equals("f")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        stopConsumers();
        for (String slot : slots) {
            server.exec(db, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "'");
        }
    }
}
