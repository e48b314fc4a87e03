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

    public final PgServer sourceServer = PgServer.shared("source");
    public final PgServer targetServer = PgServer.shared("target");
    public final String sourceDb = sourceServer.freshDatabase();
    public final String targetDb = targetServer.freshDatabase();
    public final String slot = "wb_" + ProcessHandle.current().pid() + "_" + SLOTS.incrementAndGet();
    public final String publication = "pub";
    private boolean copyExistingRows = true;

    /** Runs the given DDL on the source, then creates the publication (all tables) and the slot. */
    public Replication(String... sourceDdl) {
        this(true, sourceDdl);
    }

    /** Like {@link #Replication(String...)}; without {@code createSlot} the pipeline creates the slot itself. */
    public Replication(boolean createSlot, String... sourceDdl) {
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

    /** The slot's confirmed position on the source. */
    public Lsn confirmedFlush() {
        return Lsn.parse(sourceServer.scalar(sourceDb,
                "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '" + slot + "'"));
    }

    public void dropSlot() {
        sourceServer.exec(sourceDb, "SELECT pg_drop_replication_slot('" + slot + "')");
    }
}
