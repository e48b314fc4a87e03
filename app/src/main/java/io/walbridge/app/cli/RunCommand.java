package io.walbridge.app.cli;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.SinkFactory;
import io.walbridge.core.sink.postgres.PostgresSink;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.SourcePosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code walbridge run}: replicates a slot into a destination until stopped or caught up. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replicate changes from a publication's slot into the destination.")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--source", required = true, description = "Source URL: postgresql://user@host:port/db?sslmode=…")
    String source;

    @Option(names = "--target", required = true, description = "Destination URL: postgresql://user@host:port/db")
    String target;

    @Option(names = "--publication", required = true, description = "Publication to replicate.")
    String publication;

    @Option(names = "--slot", required = true, description = "Logical replication slot (plugin pgoutput).")
    String slot;

    @Option(names = "--name", description = "Pipeline name for the destination's checkpoint (default: the slot name).")
    String name;

    @Option(names = "--until-caught-up",
            description = "Exit 0 once every change committed before the command started is applied and confirmed.")
    boolean untilCaughtUp;

    @Override
    public Integer call() throws Exception {
        PgEndpoint src = PgEndpoint.parse(source);
        PgEndpoint dst = PgEndpoint.parse(target);
        PipelineConfig base = new PipelineConfig(src, publication, slot);
        PipelineConfig config = name == null ? base
                : new PipelineConfig(src, publication, slot, name, base.batching(), base.statusInterval());
        SourceCatalog catalog = new SourceCatalog(src);
        SinkFactory sinks = () -> new PostgresSink(dst, config.name(), catalog::describe);
        Pipeline pipeline = new Pipeline(config, sinks);
        if (untilCaughtUp) {
            Lsn target = SourcePosition.current(src);
            log.info("replicating until caught up with source position {}", target);
            pipeline.stopWhenCaughtUpTo(target);
        }
        Thread hook = new Thread(() -> {
            pipeline.stop();
            try {
                pipeline.awaitTermination(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "walbridge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        pipeline.start();
        report(pipeline);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
        PipelineMetrics m = pipeline.metrics();
        if (m.state() == PipelineState.FAILED) {
            throw new UserFacingException(m.failure(), m.failureFix());
        }
        System.out.printf("applied %d changes in %d transactions; confirmed %s%n",
                m.changesApplied(), m.transactionsApplied(), m.confirmedLsn());
        return WalBridgeCommand.OK;
    }

    /** Logs a progress line every 10 seconds until the pipeline ends. */
    private static void report(Pipeline pipeline) throws InterruptedException {
        PipelineMetrics m = pipeline.metrics();
        while (!pipeline.awaitTermination(Duration.ofSeconds(10))) {
            log.info("{}: {} changes in {} transactions applied, confirmed {}", m.state().name().toLowerCase(),
                    m.changesApplied(), m.transactionsApplied(), m.confirmedLsn());
        }
    }
}
