package io.walbridge.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small transactions written to the source in the background while a fault is injected: inserts, updates
 * (including of rows written moments before), deletes, on a keyed table and on a table without a key, where a
 * replayed change would show as a duplicate. Survives the source going away: a failed transaction is rolled
 * back by the server and the writer reconnects and goes on.
 */
public final class SourceWorkload implements AutoCloseable {

    /** The tables the workload writes; run on the source before the publication is made. */
    public static final String[] DDL = {
            "CREATE TABLE keyed (id int PRIMARY KEY, v text, n int)",
            "CREATE TABLE keyless (a int, b text)",
            "ALTER TABLE keyless REPLICA IDENTITY FULL"};
    /** Whole-table queries whose results must be equal on both sides. */
    public static final String KEYED_ROWS = "SELECT id, v, n FROM keyed ORDER BY id";
    public static final String KEYLESS_ROWS = "SELECT a, b, count(*) FROM keyless GROUP BY a, b ORDER BY a, b";

    private final int port;
    private final String db;
    private final Random random;
    private final AtomicLong committed = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    /** @param seed makes the sequence of statements reproducible (log it in the test) */
    public SourceWorkload(PgServer server, String db, long seed) {
        this.port = server.port();
        this.db = db;
        this.random = new Random(seed);
        this.thread = new Thread(this::writeLoop, "source-workload");
        thread.setDaemon(true);
        thread.start();
    }

    public long committed() {
        return committed.get();
    }

    /** Waits until at least {@code more} further transactions committed; false on timeout. */
    public boolean awaitMore(long more, Duration timeout) {
        long target = committed.get() + more;
        return Replication.await(timeout, () -> committed.get() >= target);
    }

    private void writeLoop() {
        Connection c = null;
        int i = 0;
        while (running) {
            try {
                if (c == null) {
                    c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db
                            + "?connectTimeout=5&socketTimeout=20", "postgres", "");
                    c.setAutoCommit(false);
                }
                i++;
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO keyed VALUES (" + i + ", 'v" + i + "', 0)"
                            + " ON CONFLICT (id) DO UPDATE SET n = keyed.n + 1");
                    s.execute("UPDATE keyed SET v = v || '+', n = n + 1 WHERE id = " + (1 + random.nextInt(i)));
                    if (random.nextInt(7) == 0) {
                        s.execute("DELETE FROM keyed WHERE id = " + (1 + random.nextInt(i)));
                    }
                    s.execute("INSERT INTO keyless VALUES (" + random.nextInt(11) + ", 'b')");
                    if (random.nextInt(5) == 0) {
                        s.execute("DELETE FROM keyless WHERE ctid = (SELECT ctid FROM keyless WHERE a = "
                                + random.nextInt(11) + " LIMIT 1)");
                    }
                }
                c.commit();
                committed.incrementAndGet();
                Thread.sleep(2);
            } catch (SQLException e) {
                // the source is restarting or unreachable: this transaction is lost on both sides alike
                closeQuietly(c);
                c = null;
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeQuietly(c);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }

    /** Stops writing and waits for the last transaction to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
