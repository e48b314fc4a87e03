package io.walbridge.app.demo;

import io.walbridge.core.source.PgEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Changes the demo's source database on its own thread at an adjustable rate (row changes per second), with one
 * large transaction every so often, so the pipeline always has something to replicate. Time comes from an
 * injectable clock: tests call {@link #step()} with a clock they move, without the thread.
 */
public final class ChangeGenerator implements AutoCloseable {

    /** How much to change: rows per second, and how often a large transaction of how many rows. */
    public record Settings(int rate, Duration largeEvery, int largeRows) {
        public static final int MAX_RATE = 10_000;
        public static final Settings DEFAULT = new Settings(50, Duration.ofMinutes(5), 50_000);

        public Settings {
            if (rate < 0 || rate > MAX_RATE) {
                throw new IllegalArgumentException("the change rate must be 0 to " + MAX_RATE + " changes per second");
            }
            if (largeEvery.isNegative()) {
                throw new IllegalArgumentException("the large transaction interval cannot be negative");
            }
            if (largeRows < 1) {
                throw new IllegalArgumentException("a large transaction changes at least one row");
            }
        }

        /** Large transactions are off when the interval is zero. */
        public boolean largeTransactions() {
            return !largeEvery.isZero();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChangeGenerator.class);
    private static final long SECOND = 1_000_000_000L;

    private final PgEndpoint source;
    private final Settings settings;
    private final LongSupplier nanoClock;
    private final AtomicInteger rate;
    private final AtomicBoolean rateChanged = new AtomicBoolean(true);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong largeTransactions = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom();
    private volatile String lastError;
    private volatile boolean stopped;
    private Thread thread;

    // scheduling, touched only by the thread running step()
    private Connection connection;
    private ShopChanges shop;
    private long base;
    private long doneSinceBase;
    private long nextLarge;

    public ChangeGenerator(PgEndpoint source, Settings settings) {
        this(source, settings, System::nanoTime);
    }

    ChangeGenerator(PgEndpoint source, Settings settings, LongSupplier nanoClock) {
        this.source = source;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.rate = new AtomicInteger(settings.rate());
        this.nextLarge = nanoClock.getAsLong() + settings.largeEvery().toNanos();
    }

    /** Starts changing the source on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::loop, "walbridge-demo-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopped) {
            try {
                step();
                lastError = null;
                Thread.sleep(20);
            } catch (SQLException e) {
                if (stopped) {
                    break;
                }
                String m = String.valueOf(e.getMessage());
                lastError = m.lines().findFirst().orElse(m);
                LOG.warn("demo change generator: {} (trying again in a second)", lastError);
                closeConnection();
                sleepQuietly(1000);
            } catch (InterruptedException e) {
                break;
            }
        }
        closeConnection();
    }

    /** Makes the changes that are due by the clock now (and a large transaction when its time has come). */
    int step() throws SQLException {
        if (shop == null) {
            connection = source.connect();
            shop = new ShopChanges(connection, random);
        }
        long now = nanoClock.getAsLong();
        int made = 0;
        if (settings.largeTransactions() && now - nextLarge >= 0) {
            nextLarge = now + settings.largeEvery().toNanos();
            made += counted(shop.largeTransaction(settings.largeRows()));
            largeTransactions.incrementAndGet();
        }
        int perSecond = rate.get();
        if (rateChanged.getAndSet(false)) {
            base = now;
            doneSinceBase = 0;
        }
        long due = (now - base) / 1000 * perSecond / (SECOND / 1000);
        if (due - doneSinceBase > 2L * perSecond) {
            // the machine stalled (or slept): carry on at the rate rather than catch up in one burst
            doneSinceBase = due - perSecond;
        }
        // a transaction may find nothing to change (no cancelled order left to delete): it does not count, but a
        // run of them ends the step, so a shop with nothing left to change cannot keep the thread spinning
        int idle = 0;
        while (doneSinceBase < due && idle < 50 && !stopped) {
            int n = counted(shop.next());
            made += n;
            doneSinceBase += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return made;
    }

    private int counted(int rowsChanged) {
        changes.addAndGet(rowsChanged);
        transactions.incrementAndGet();
        return rowsChanged;
    }

    /** Sets the rate in row changes per second (0 pauses the generator); takes effect at once. */
    public void setRate(int perSecond) {
        if (perSecond < 0 || perSecond > Settings.MAX_RATE) {
            throw new IllegalArgumentException("the change rate must be 0 to " + Settings.MAX_RATE);
        }
        rate.set(perSecond);
        rateChanged.set(true);
    }

    public int rate() {
        return rate.get();
    }

    public Settings settings() {
        return settings;
    }

    /** Rows inserted, updated or deleted so far. */
    public long changesMade() {
        return changes.get();
    }

    public long transactionsMade() {
        return transactions.get();
    }

    public long largeTransactionsMade() {
        return largeTransactions.get();
    }

    /** Why the last attempt to change the source failed, or null while it works. */
    public String lastError() {
        return lastError;
    }

    /** Stops the thread after the transaction in hand and closes its connection. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        if (t == null) {
            closeConnection();
            return;
        }
        try {
            t.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        connection = null;
        shop = null;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
