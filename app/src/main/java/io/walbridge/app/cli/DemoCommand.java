package io.walbridge.app.cli;

import io.walbridge.app.demo.ChangeGenerator;
import io.walbridge.app.demo.DemoFolder;
import io.walbridge.app.demo.DemoReplication;
import io.walbridge.app.demo.DemoSession;
import io.walbridge.app.demo.ShopData;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.ConfigFolder;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.config.SecretStores;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.PostgresPipeline;
import io.walbridge.core.setup.Cancellation;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.verify.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code walbridge demo}: two embedded PostgreSQL servers with a sample shop, replicated by the real engine
 * while a generator keeps changing the source; a status line every few seconds; Ctrl-C stops everything.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try WalBridge without a database of your own: starts two local PostgreSQL servers (source"
                + " and destination) with a sample shop of about 430,000 rows, sets up replication, runs it, and"
                + " keeps changing the source. Ctrl-C stops the pipeline and both servers.",
                "Their data stays in the demo folder, so the next start is quick (--reset starts fresh)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--until passed and the destination equals the source",
                "1:the demo could not start or the pipeline failed; the reason and a fix are printed",
                "2:the command line is wrong"})
final class DemoCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AtomicBoolean stopped = new AtomicBoolean();

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", defaultValue = "50", paramLabel = "N",
            description = "Row changes per second the generator makes on the source (0 to 10000; default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--reset", description = "Delete the demo's databases first and load fresh sample data.")
    boolean reset;

    @Option(names = "--no-generator", description = "Do not change the source; only the initial copy is replicated.")
    boolean noGenerator;

    @Option(names = "--until", paramLabel = "DURATION", converter = UnitConverters.Time.class,
            description = "Run this long (e.g. 30s, 5min), then stop the generator, let the pipeline catch up,"
                    + " compare source and destination, and stop.")
    Duration until;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "FACTOR",
            description = "Size of the sample data when it is loaded (1 = about 430,000 rows; 0.1 = a tenth).")
    double scale;

    @Option(names = "--large-every", defaultValue = "5min", paramLabel = "DURATION", converter = UnitConverters.Time.class,
            description = "How often the generator makes one large transaction (default ${DEFAULT-VALUE}; 0 = never).")
    Duration largeEvery;

    @Option(names = "--large-rows", defaultValue = "50000", paramLabel = "N",
            description = "Rows a large transaction changes (default ${DEFAULT-VALUE}).")
    int largeRows;

    @Option(names = "--status-every", defaultValue = "5s", paramLabel = "DURATION", converter = UnitConverters.Time.class,
            description = "How often to print a status line (default ${DEFAULT-VALUE}).")
    Duration statusEvery;

    @Override
    public Integer call() throws Exception {
        DemoSession.Options options = options();
        DemoFolder folder = DemoFolder.current();
        Path config = ConfigFolder.current();
        SecretStore secrets = SecretStores.forThisMachine(config).store();
        System.out.println("demo folder: " + folder.root());
        DemoSession session = DemoSession.start(folder, secrets, options, DemoCommand::step, new Cancellation());
        Pipeline[] pipeline = new Pipeline[1];
        Thread hook = new Thread(() -> stop(pipeline[0], session), "walbridge-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            describe(session, secrets);
            DemoReplication.setUp(session.source(), line -> System.out.println("setup: " + line));
            pipeline[0] = PostgresPipeline.create(new PipelineConfig(session.source(), DemoSession.PUBLICATION,
                    DemoSession.SLOT).withName(DemoSession.PIPELINE), session.destination());
            pipeline[0].start();
            System.out.println("replicating: the initial copy first, then every change as it is committed;"
                    + " Ctrl-C stops the demo");
            boolean ended = watch(session, pipeline[0]);
            int code = ended ? failed(pipeline[0]) : finish(session, pipeline[0]);
            stop(pipeline[0], session);
            return code;
        } catch (RuntimeException e) {
            stop(pipeline[0], session);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is stopping everything
            }
        }
    }

    private DemoSession.Options options() {
        try {
            ChangeGenerator.Settings changes = new ChangeGenerator.Settings(rate, largeEvery, largeRows);
            return new DemoSession.Options(scale, reset, !noGenerator, changes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void step(String text) {
        System.out.println("demo: " + text);
    }

    private static void describe(DemoSession session, SecretStore secrets) {
        System.out.println("source:      " + session.source().display());
        System.out.println("destination: " + session.destination().display());
        System.out.println("password:    for both, key demo.password in " + secrets.where() + "; never printed");
        System.out.printf(Locale.ROOT, "sample data: %,d rows in %d tables%s%n", session.sampleRows(),
                ShopData.TABLES.size(), session.sampleReused() ? " (from an earlier start; --reset loads fresh data)" : "");
        session.generator().ifPresent(g -> System.out.println("generator:   " + g.rate() + " row changes/s"
                + (g.settings().largeTransactions() ? String.format(Locale.ROOT,
                ", and a transaction of %,d rows every %s", g.settings().largeRows(),
                HumanUnits.duration(g.settings().largeEvery())) : "")));
    }

    /** Prints a status line every few seconds until --until passes (false) or the pipeline ends (true). */
    private boolean watch(DemoSession session, Pipeline pipeline) throws InterruptedException {
        long deadline = until == null ? Long.MAX_VALUE : System.nanoTime() + until.toNanos();
        long nextLine = System.nanoTime() + statusEvery.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (pipeline.awaitTermination(Duration.ofMillis(250))) {
                return true;
            }
            if (System.nanoTime() - nextLine >= 0) {
                System.out.println(statusLine(session, pipeline));
                nextLine += statusEvery.toNanos();
            }
        }
        return false;
    }

    static String statusLine(DemoSession session, Pipeline pipeline) {
        PipelineMetrics m = pipeline.metrics();
        String made = session.generator().map(g -> String.format(Locale.ROOT, "source: %,d changes made (%d/s)%s",
                g.changesMade(), g.rate(), g.lastError() == null ? "" : " [" + g.lastError() + "]"))
                .orElse("source: no generator");
        String copy = m.state() == PipelineState.SNAPSHOTTING && pipeline.snapshotProgress().isActive()
                ? " · " + pipeline.snapshotProgress().summaryLine() : "";
        return String.format(Locale.ROOT, "%s  %s · pipeline %s: %,d changes in %,d transactions applied, confirmed %s%s",
                LocalTime.now().format(CLOCK), made, m.state().name().toLowerCase(Locale.ROOT), m.changesApplied(),
                m.transactionsApplied(), m.confirmedLsn(), copy);
    }

    private static int failed(Pipeline pipeline) {
        PipelineMetrics m = pipeline.metrics();
        if (m.state() == PipelineState.FAILED) {
            throw new UserFacingException("the demo pipeline failed: " + m.failure(), m.failureFix());
        }
        return WalBridgeCommand.OK;
    }

    /** After --until: no more changes, wait until everything is applied, then prove the copy equals the source. */
    private static int finish(DemoSession session, Pipeline pipeline) throws InterruptedException {
        session.generator().ifPresent(ChangeGenerator::close);
        System.out.println("demo: time is up; generator stopped, waiting until the destination has every change");
        pipeline.stopWhenCaughtUpTo(SourcePosition.current(session.source()));
        if (!pipeline.awaitTermination(Duration.ofMinutes(5))) {
            throw new UserFacingException("the demo pipeline did not catch up within 5 minutes",
                    "run the demo longer without --until and watch the status lines");
        }
        failed(pipeline);
        System.out.println(statusLine(session, pipeline));
        Verifier.Report report = new Verifier(session.source(), session.destination(),
                new Verifier.Options(Duration.ofSeconds(30), 1), Clock.systemUTC())
                .verify(ShopData.TABLES, VerifyCommand::print);
        boolean equal = report.equal();
        System.out.println(equal ? "equal: the destination holds exactly the source's rows"
                : "not equal: see the DIFF lines above");
        return equal ? WalBridgeCommand.OK : WalBridgeCommand.FAILED;
    }

    /** Stops the pipeline, then the generator and both servers. Runs from Ctrl-C's hook too; safe twice. */
    private void stop(Pipeline pipeline, DemoSession session) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (pipeline != null) {
                pipeline.stop();
                pipeline.awaitTermination(Duration.ofSeconds(60));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.close();
            System.out.println("demo: stopped; both servers are down (their data stays in " + session.folder().root()
                    + ")");
        }
    }
}
