package io.walbridge.app.monitor;

import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.Severity;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.testing.ManualClock;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.Replication;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A real source and destination (the shared embedded servers), one pipeline started through
 * {@link RunningPipelines} as the app starts it, and the monitor model over it with a step clock, a
 * same-thread runner and a notifier that records what it would have shown.
 */
final class MonitorFixture implements AutoCloseable {

    /** A notification the desktop would have shown. */
    record Shown(Severity severity, String title, String text) {
    }

    final Replication r;
    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TaskRunner tasks = new SameThreadRunner();
    final RunningPipelines running = new RunningPipelines(new InProcessEngine(), tasks);
    final List<Shown> notifications = new ArrayList<>();
    final MonitorModel model;
    final SavedPipeline saved;

    MonitorFixture(Path stateDir, AlertThresholds thresholds, String... sourceDdl) {
        r = new Replication(sourceDdl);
        saved = new SavedPipeline("pipe-" + r.slot, endpoint(r.sourceServer, r.sourceDb), r.publication, r.slot, List.of(),
                SavedPipeline.POSTGRESQL, endpoint(r.targetServer, r.targetDb));
        model = new MonitorModel(running, tasks, clock, stateDir, ConnectionFactory.PGJDBC, thresholds,
                (s, title, text) -> notifications.add(new Shown(s, title, text)));
    }

    static SavedEndpoint endpoint(PgServer server, String db) {
        return new SavedEndpoint("localhost", server.port(), db, "postgres", "disable", null);
    }

    Pipeline start() {
        return running.start(saved, Secret.NONE, Secret.NONE);
    }

    PipelineMonitor monitor() {
        return model.pipeline(saved.name()).orElseThrow();
    }

    Pipeline pipeline() {
        return running.byName(saved.name()).orElseThrow().pipeline();
    }

    /** One second passes and the monitor polls. */
    void tick() {
        clock.advance(Duration.ofSeconds(1));
        model.tick();
    }

    /** Ticks until the condition holds (real time passes too: the pipeline works on its own threads). */
    void tickUntil(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            tick();
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        running.stopAll(Duration.ofSeconds(30));
        model.close();
        r.dropSlot();
    }
}
