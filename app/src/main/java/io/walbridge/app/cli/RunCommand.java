package io.walbridge.app.cli;

import io.walbridge.app.common.TlsWarning;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.BatchPolicy;
import io.walbridge.core.pipeline.BigQueryPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PostgresPipeline;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.setup.EndpointProbe;
import io.walbridge.core.setup.SlotName;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourcePosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code walbridge run}: replicates a slot into a destination until stopped or caught up. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replicate changes from a publication's slot into the destination.")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--source", required = true, description = "Source URL: postgresql://user@host:port/db?sslmode=…")
    String source;

    @Option(names = "--target", required = true, description = "Destination URL: postgresql://user@host:port/db, or"
            + " bigquery://PROJECT/DATASET?location=EU&credentials=/path/key.json&staleness=15m")
    String target;

    @Option(names = "--publication", required = true, description = "Publication to replicate.")
    String publication;

    @Option(names = "--slot", required = true, description = "Logical replication slot (plugin pgoutput).")
    String slot;

    @Option(names = "--name", description = "Pipeline name for the destination's checkpoint (default: the slot name).")
    String name;

    @Option(names = "--resnapshot", split = ",", paramLabel = "TABLE",
            description = "Copy these tables again (schema.table, comma-separated) while the others keep streaming;"
                    + " 'all' copies every published table again (after a lost or dropped slot).")
    List<String> resnapshot = List.of();

    @Option(names = "--stall-timeout", defaultValue = "30s", converter = UnitConverters.Time.class,
            description = "How long the source or destination may stay silent before the connection is given up and"
                    + " made again (default: ${DEFAULT-VALUE}).")
    Duration stallTimeout;

    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot-workers", defaultValue = "4", description = "Parallel copy workers (default: ${DEFAULT-VALUE}).")
    int snapshotWorkers;

    @Option(names = "--batch-size", defaultValue = "20000", paramLabel = "N",
            description = "Most source changes applied in one destination transaction (default: ${DEFAULT-VALUE});"
                    + " many small source transactions share one, a bigger one spans several batches.")
    int batchSize;

    @Option(names = "--batch-delay", defaultValue = "200ms", converter = UnitConverters.Time.class,
            description = "How long a partly filled batch waits for more changes before it is applied"
                    + " (default: ${DEFAULT-VALUE}); lower means fresher data, higher fewer destination commits.")
    Duration batchDelay;

    @Option(names = "--until-caught-up",
            description = "Exit 0 once every change committed before the command started is applied and confirmed.")
    boolean untilCaughtUp;

    /** The default limits in bytes stay: they bound memory; the user tunes how many changes and how long. */
    private BatchPolicy batching() {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        BatchPolicy d = BatchPolicy.DEFAULT;
        return new BatchPolicy(batchSize, d.maxBytes(), batchDelay, d.queueBytes());
    }

    @Override
    public Integer call() throws Exception {
        BatchPolicy batching = batching(); // a usage error, told before any connection
        PgEndpoint src = PgEndpoint.parse(source);
        boolean bigQuery = BigQueryTarget.isBigQueryUrl(target);
        PgEndpoint dst = bigQuery ? null : PgEndpoint.parse(target);
        BigQueryTarget bq = bigQuery ? BigQueryTarget.parse(target) : null;
        new SlotName(slot); // refused before any connection: the server would only say so after one
        TlsWarning.print(spec.commandLine().getErr(), "source", src);
        EndpointProbe.reach("source", src);
        if (dst != null) {
            TlsWarning.print(spec.commandLine().getErr(), "destination", dst);
            EndpointProbe.reach("destination", dst);
        }
        PipelineConfig base = new PipelineConfig(src, publication, slot).withSnapshotWorkers(snapshotWorkers)
                .withStallTimeout(stallTimeout).withBatching(batching);
        PipelineConfig config = name == null ? base : base.withName(name);
        Pipeline pipeline = bigQuery ? BigQueryPipeline.create(config, bq) : PostgresPipeline.create(config, dst);
        if (resnapshot.equals(List.of("all"))) {
            pipeline.resnapshotAll();
        } else {
            for (String t : resnapshot) {
                pipeline.resnapshot(TableId.parse(t));
            }
        }
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

    /** Logs progress until the pipeline ends: every 2 s while copying tables, every 10 s while streaming. */
    private static void report(Pipeline pipeline) throws InterruptedException {
        PipelineMetrics m = pipeline.metrics();
        long last = System.nanoTime();
        while (!pipeline.awaitTermination(Duration.ofSeconds(2))) {
            if (m.state() == PipelineState.SNAPSHOTTING && pipeline.snapshotProgress().isActive()) {
                log.info(pipeline.snapshotProgress().summaryLine());
            } else if (System.nanoTime() - last > Duration.ofSeconds(10).toNanos()) {
                log.info("{}: {} changes in {} transactions applied, confirmed {}", m.state().name().toLowerCase(),
                        m.changesApplied(), m.transactionsApplied(), m.confirmedLsn());
                last = System.nanoTime();
            }
        }
    }
}
