package io.walbridge.app.cli;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.ConfigFolder;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.monitor.ConsumerRecognizer;
import io.walbridge.core.monitor.KnownSlots;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.Alerts;
import io.walbridge.core.monitor.InactivityTracker;
import io.walbridge.core.monitor.SlotMonitor;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code walbridge status}: every replication slot of a source, then the alerts that are active and their fixes. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every replication slot of a source (consumer, retained WAL, lag, wal_status) and the"
                + " alerts that are active, each with its fix. Meant for cron: 'inactive since' is remembered in"
                + " --state-dir between runs.%n"
                + "Exit codes: 0 no alert, 3 at least one alert, 1 failure, 2 usage error.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "postgresql://user[:password]@host[:port]/dbname[?sslmode=...]; the password may also come"
                    + " from PGPASSWORD or ~/.pgpass")
    private String source;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where 'inactive since' is remembered between runs (default: ~/.walbridge/monitor)")
    private Path stateDir;

    @Option(names = "--max-retained", paramLabel = "SIZE", converter = UnitConverters.Size.class,
            description = "alert when a slot holds more WAL than this, e.g. 10GB (default: 10GB; a slot past 50%% of"
                    + " max_slot_wal_keep_size alerts too)")
    private Long maxRetained;

    @Option(names = "--max-lag", paramLabel = "DURATION", converter = UnitConverters.Time.class,
            description = "alert when an active consumer is further behind than this, as the server measures it"
                    + " (flush_lag), e.g. 5min (default: 5min)")
    private Duration maxLag;

    @Option(names = "--max-inactive", paramLabel = "DURATION", converter = UnitConverters.Time.class,
            description = "alert when a slot has had no consumer for longer than this, e.g. 30min (default: 30min)")
    private Duration maxInactive;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "WalBridge's settings folder, whose saved pipelines tell which slots WalBridge reads and which"
                    + " it handed to Debezium or Datastream (default: the app's settings folder)")
    private Path configDir;

    @Override
    public Integer call() {
        PgEndpoint endpoint = endpoint();
        InactivityTracker inactivity = InactivityTracker.persistent(stateDirectory(), endpoint);
        SourceSlots slots;
        try (SlotMonitor monitor = new SlotMonitor(endpoint, Clock.systemUTC(), inactivity, recognizer(endpoint),
                ConnectionFactory.PGJDBC)) {
            slots = monitor.poll();
        }
        List<Alert> alerts = new Alerts(thresholds()).evaluate(slots);
        PrintWriter out = spec.commandLine().getOut();
        new StatusPrinter(out).print(endpoint, slots, alerts);
        out.flush();
        inactivity.saveProblem().ifPresent(p -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: " + p.problem() + "; 'inactive since' will restart with the next run");
            err.println("fix: " + p.fix());
            err.flush();
        });
        return alerts.isEmpty() ? WalBridgeCommand.OK : WalBridgeCommand.ALERT;
    }

    /** Saved pipelines name the engines of their slots; an unreadable folder only loses those names. */
    private ConsumerRecognizer recognizer(PgEndpoint endpoint) {
        try {
            PipelineStore store = new PipelineStore(configDir != null ? configDir : ConfigFolder.current());
            return KnownSlots.recognizer(store.list(), endpoint.host(), endpoint.port());
        } catch (UserFacingException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: " + e.problem() + "; engines are told from names only");
            err.flush();
            return ConsumerRecognizer.DEFAULT;
        }
    }

    private AlertThresholds thresholds() {
        AlertThresholds t = AlertThresholds.DEFAULTS;
        if (maxRetained != null) {
            t = t.withMaxRetainedBytes(maxRetained);
        }
        if (maxLag != null) {
            t = t.withMaxLag(maxLag);
        }
        if (maxInactive != null) {
            t = t.withMaxInactive(maxInactive);
        }
        return t;
    }

    private Path stateDirectory() {
        return stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".walbridge", "monitor");
    }

    /** A malformed URL is a usage error, shown with its fix before any connection is tried. */
    private PgEndpoint endpoint() {
        try {
            return PgEndpoint.parse(source);
        } catch (UserFacingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    e.fix().isEmpty() ? e.problem() : e.problem() + "\nfix: " + e.fix());
        }
    }
}
