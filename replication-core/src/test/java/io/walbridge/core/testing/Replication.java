package io.walbridge.core.testing;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.BatchPolicy;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.SinkFactory;
import io.walbridge.core.sink.postgres.PostgresSink;
import io.walbridge.core.sink.postgres.PostgresSnapshotTarget;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.SourcePosition;

import io.walbridge.core.verify.Verifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source database with a publication and slot, and an empty destination database, on the two
 * shared embedded servers; runs pipelines between them and compares whole tables.
 */
public final class Replication {

    private static final AtomicInteger SLOTS = new AtomicInteger();

    public final PgServer sourceServer;
    public final PgServer targetServer;
    public final String sourceDb;
    public final String targetDb;
    public final String slot = "wb_" + ProcessHandle.current().pid() + "_" + SLOTS.incrementAndGet();
    public final String publication = "pub";
    private boolean copyExistingRows = true;

    /** Runs the given DDL on the source, then creates the publication (all tables) and the slot. */
    public Replication(String... sourceDdl) {
        this(true, sourceDdl);
    }

    /** Like {@link #Replication(String...)}; without {@code createSlot} the pipeline creates the slot itself. */
    public Replication(boolean createSlot, String... sourceDdl) {
        this(PgServer.shared("source"), PgServer.shared("target"), createSlot, sourceDdl);
    }

    /** Between the given servers (e.g. ones a test restarts), with fresh databases on each. */
    public Replication(PgServer source, PgServer target, boolean createSlot, String... sourceDdl) {
        this.sourceServer = source;
        this.targetServer = target;
        this.sourceDb = source.freshDatabase();
        this.targetDb = target.freshDatabase();
        sourceServer.exec(sourceDb, sourceDdl);
        sourceServer.exec(sourceDb, "CREATE PUBLICATION " + publication + " FOR ALL TABLES");
        if (createSlot) {
            sourceServer.exec(sourceDb, "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
    }

    public PostgresSnapshotTarget snapshotTarget() {
        return new PostgresSnapshotTarget(targetServer.endpoint(targetDb), slot);
    }

    /** Pipelines started from here stream only, without copying existing rows (to test the stream alone). */
    public Replication streamingOnly() {
        copyExistingRows = false;
        return this;
    }

    /** A pipeline into the destination database, with initial copy unless {@link #streamingOnly()}. */
    public Pipeline pipeline(SinkFactory sinks, PipelineConfig config) {
        return copyExistingRows ? new Pipeline(config, sinks, snapshotTarget()) : new Pipeline(config, sinks);
    }

    public PipelineConfig config() {
        return new PipelineConfig(sourceServer.endpoint(sourceDb), publication, slot)
                .withStatusInterval(Duration.ofSeconds(1))
                .withBatching(new BatchPolicy(1_000, 4L << 20, Duration.ofMillis(50), 16L << 20));
    }

    public SinkFactory postgresSink() {
        SourceCatalog catalog = new SourceCatalog(sourceServer.endpoint(sourceDb));
        return () -> new PostgresSink(targetServer.endpoint(targetDb), slot, catalog);
    }

    public void source(String... sql) {
        sourceServer.exec(sourceDb, sql);
    }

    /** Replicates everything committed so far and returns once it is applied and confirmed. */
    public Pipeline catchUp() {
        return catchUp(postgresSink(), UnaryOperator.identity());
    }

    public Pipeline catchUp(SinkFactory sinks, UnaryOperator<PipelineConfig> tweak) {
        Lsn target = SourcePosition.current(sourceServer.endpoint(sourceDb));
        Pipeline p = pipeline(sinks, tweak.apply(config()));
        p.stopWhenCaughtUpTo(target);
        p.start();
        try {
            assertThat(p.awaitTermination(Duration.ofMinutes(10))).as("pipeline finished").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(p.metrics().state()).as("state, failure: %s", p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        return p;
    }

    public List<List<String>> sourceRows(String query) {
        return sourceServer.rows(sourceDb, query);
    }

    public List<List<String>> targetRows(String query) {
        return targetServer.rows(targetDb, query);
    }

    /** Asserts the query returns exactly the same rows, in the same order, on both sides. */
    public void assertSame(String query) {
        List<List<String>> expected = sourceRows(query);
        assertThat(targetRows(query)).as(query).containsExactlyElementsOf(expected);
    }

    /**
     * Runs the real {@code walbridge verify} comparison ({@link Verifier}) over every table WalBridge replicated
     * into the destination and asserts that each one equals its source.
     */
    public Verifier.Report assertVerifiedEqual() {
        Verifier verifier = new Verifier(sourceServer.endpoint(sourceDb), targetServer.endpoint(targetDb),
                new Verifier.Options(Duration.ofSeconds(30), 3), Clock.systemUTC());
        Verifier.Report report;
        try {
            report = verifier.verify(List.of(), d -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(report.tables()).as("tables verify compared").isNotEmpty();
        assertThat(report.tables()).allSatisfy(d -> assertThat(d.equal()).as("verify: %s", d).isTrue());
        return report;
    }

    /** The slot's confirmed position on the source. */
    public Lsn confirmedFlush() {
        return Lsn.parse(sourceServer.scalar(sourceDb,
                "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '" + slot + "'"));
    }

    /**
     * Drops the slot (if it exists), first ending a walsender that still holds it: after a network fault the
     * server may take a moment to notice that the engine's old connection is gone.
     */
    public void dropSlot() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            sourceServer.exec(sourceDb, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND active_pid IS NOT NULL");
            try {
                sourceServer.exec(sourceDb, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE slot_name = '" + slot + "'");
                return;
            } catch (IllegalStateException stillActive) {
                if (System.nanoTime() > deadline) {
                    throw stillActive;
                }
                sleep(100);
            }
        }
    }

    /** The same slot and destination, reached through proxies (a null proxy: directly). */
    public PipelineConfig configVia(FaultyProxy toSource) {
        PipelineConfig c = config();
        if (toSource == null) {
            return c;
        }
        return new PipelineConfig(toSource.endpoint(c.source()), c.publication(), c.slot(), c.name(), c.batching(),
                c.statusInterval(), c.snapshotWorkers(), c.stallTimeout());
    }

    /** Whether {@code condition} became true within {@code timeout}, polling. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
