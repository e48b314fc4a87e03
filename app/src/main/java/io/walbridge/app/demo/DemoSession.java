package io.walbridge.app.demo;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.setup.Cancellation;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running demo: the two servers with the sample shop loaded on the source, and the change generator. Made by
 * {@link #start}, which reports each step and can be cancelled; {@link #close()} stops the generator and both
 * servers, so nothing is left running. Setting up replication and running the pipeline stay with the caller
 * (the CLI does it itself; in the app the user walks the wizard), exactly as with any other database.
 */
public final class DemoSession implements AutoCloseable {

    public static final String PIPELINE = "demo";
    public static final String PUBLICATION = "demo_pub";
    public static final String SLOT = "demo_slot";

    /** How to start: sample size, whether to begin from fresh data, and the change generator's settings. */
    public record Options(double scale, boolean reset, boolean generator, ChangeGenerator.Settings changes) {
        public static final Options DEFAULT = new Options(1.0, false, true, ChangeGenerator.Settings.DEFAULT);

        public Options {
            if (!(scale > 0 && scale <= 10)) {
                throw new IllegalArgumentException("the sample scale must be above 0 and at most 10");
            }
        }

        public Options withReset(boolean r) {
            return new Options(scale, r, generator, changes);
        }
    }

    /** Thrown by {@link #start} when it was cancelled; whatever it had started is stopped again. */
    public static final class Cancelled extends UserFacingException {
        Cancelled() {
            super("the demo start was cancelled", "");
        }
    }

    private final DemoFolder folder;
    private final DemoDatabases databases;
    private final ChangeGenerator generator;
    private final boolean sampleReused;
    private final long sampleRows;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSession(DemoFolder folder, DemoDatabases databases, ChangeGenerator generator, boolean sampleReused,
                        long sampleRows) {
        this.folder = folder;
        this.databases = databases;
        this.generator = generator;
        this.sampleReused = sampleReused;
        this.sampleRows = sampleRows;
    }

    /** Starts the servers, loads the sample shop when it is not there yet, and starts the change generator. */
    public static DemoSession start(DemoFolder folder, SecretStore secrets, Options options, Consumer<String> progress,
                                    Cancellation cancellation) {
        if (options.reset()) {
            progress.accept("deleting the earlier demo data");
            DemoDatabases.reset(folder, secrets);
        }
        progress.accept(DemoDatabases.existIn(folder) ? "starting the two demo servers (reusing their data)"
                : "starting the two demo servers (first start: unpacking PostgreSQL and making the databases)");
        DemoDatabases databases = DemoDatabases.start(folder, secrets);
        try {
            stopIfCancelled(cancellation);
            boolean reused;
            long rows;
            try (Connection c = cancellation.track(databases.source().connect())) {
                reused = ShopData.isLoaded(c);
                if (!reused) {
                    ShopData.load(c, options.scale(), table -> progress.accept("loading sample rows: shop." + table));
                }
                stopIfCancelled(cancellation);
                rows = ShopData.countRows(c);
            } catch (SQLException e) {
                stopIfCancelled(cancellation);
                throw new UserFacingException("the sample data could not be loaded: " + e.getMessage(),
                        "start the demo again with a reset (walbridge demo --reset)", e);
            }
            ChangeGenerator generator = null;
            if (options.generator()) {
                progress.accept("starting the change generator");
                generator = new ChangeGenerator(databases.source(), options.changes());
                generator.start();
            }
            return new DemoSession(folder, databases, generator, reused, rows);
        } catch (RuntimeException e) {
            databases.close();
            throw e;
        }
    }

    private static void stopIfCancelled(Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw new Cancelled();
        }
    }

    public DemoFolder folder() {
        return folder;
    }

    public PgEndpoint source() {
        return databases.source();
    }

    public PgEndpoint destination() {
        return databases.destination();
    }

    /** The change generator, when the demo runs one. */
    public Optional<ChangeGenerator> generator() {
        return Optional.ofNullable(generator);
    }

    /** True when the sample data came from an earlier start rather than being loaded now. */
    public boolean sampleReused() {
        return sampleReused;
    }

    /** Rows in the sample tables when the demo started. */
    public long sampleRows() {
        return sampleRows;
    }

    /** The servers' process ids (source, destination). */
    public List<Long> serverPids() {
        return databases.pids();
    }

    /** Stops the change generator, then both servers; waits until their processes are gone. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (generator != null) {
                generator.close();
            }
        } finally {
            databases.close();
        }
    }
}
