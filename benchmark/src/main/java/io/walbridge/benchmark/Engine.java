package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.PostgresPipeline;
import io.walbridge.core.source.PgEndpoint;

import java.time.Duration;

/** WalBridge's engine as {@code walbridge run --until-caught-up} wires it: table copies, then the stream. */
final class Engine {

    private final Pipeline pipeline;

    private Engine(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Starts replicating {@code publication} through {@code slot} (created if missing) until {@code stopAt} is confirmed. */
    static Engine start(PgEndpoint source, String publication, String slot, PgEndpoint target, Lsn stopAt) {
        Pipeline p = PostgresPipeline.create(new PipelineConfig(source, publication, slot), target);
        p.stopWhenCaughtUpTo(stopAt);
        p.start();
        if (Boolean.getBoolean("walbridge.benchmark.trace")) {
            trace(p);
        }
        return new Engine(p);
    }

    /** With -Dwalbridge.benchmark.trace=true: once a second, how far reader and applier are (to see which one waits). */
    private static void trace(Pipeline p) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                while (!p.awaitTermination(Duration.ofSeconds(1))) {
                    PipelineMetrics m = p.metrics();
                    System.err.printf("trace %5.1f s %s read %d msgs %d MB received %s, applied %d changes %d txs, confirmed %s%n",
                            (System.nanoTime() - start) / 1e9, m.state(), m.messagesRead(), m.bytesRead() >> 20,
                            m.receivedLsn(), m.changesApplied(), m.transactionsApplied(), m.confirmedLsn());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-trace");
        t.setDaemon(true);
        t.start();
    }

    /** Throws when the pipeline failed: a benchmark of a failed run would measure nothing. */
    void checkAlive() {
        PipelineMetrics m = pipeline.metrics();
        if (m.state() == PipelineState.FAILED) {
            throw new IllegalStateException("WalBridge failed: " + m.failure() + " (" + m.failureFix() + ")");
        }
    }

    void awaitEnd() throws InterruptedException {
        if (!pipeline.awaitTermination(Duration.ofMinutes(60))) {
            pipeline.stop();
            throw new IllegalStateException("WalBridge did not finish within 60 min");
        }
        checkAlive();
    }

    PipelineMetrics metrics() {
        return pipeline.metrics();
    }
}
