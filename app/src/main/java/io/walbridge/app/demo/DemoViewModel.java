package io.walbridge.app.demo;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.setup.Cancellation;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The demo in the app: starts the two servers and the change generator in the background (with progress and
 * Cancel), hands the wizard a draft filled with the demo's endpoints, tables, publication and slot, follows the
 * generator (rate slider, changes made), and stops it all again (Stop demo, window close).
 */
public final class DemoViewModel {

    /** Where the demo is in its life. */
    public enum Phase { IDLE, STARTING, RUNNING, STOPPING }

    private final TaskRunner tasks;
    private final DemoFolder folder;
    private final SecretStore secrets;
    private final DemoSession.Options options;
    private final Runnable stopPipeline;
    public final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    public final StringProperty progress = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** Row changes per second the generator makes; the slider is bound to it. */
    public final IntegerProperty rate = new SimpleIntegerProperty();
    /** "Start from fresh sample data": the next start deletes the demo's data first. */
    public final BooleanProperty reset = new SimpleBooleanProperty(false);
    /** True when an earlier start left data to reuse (or reset). */
    public final BooleanProperty dataExists = new SimpleBooleanProperty();
    public final StringProperty servers = new SimpleStringProperty("");
    public final StringProperty changes = new SimpleStringProperty("");
    private volatile DemoSession session;
    private Cancellation cancellation;

    /**
     * @param stopPipeline stops a pipeline that replicates the demo, if one runs; called off the UI thread before
     *                     the servers stop, so the pipeline ends cleanly rather than losing its servers
     */
    public DemoViewModel(TaskRunner tasks, DemoFolder folder, SecretStore secrets, DemoSession.Options options,
                         Runnable stopPipeline) {
        this.tasks = tasks;
        this.folder = folder;
        this.secrets = secrets;
        this.options = options;
        this.stopPipeline = stopPipeline;
        rate.set(options.changes().rate());
        dataExists.set(DemoDatabases.existIn(folder));
        rate.addListener((obs, old, now) -> generator().ifPresent(g -> g.setRate(now.intValue())));
    }

    /** Starts the demo in the background; once it runs, {@code ready} gets the wizard's pre-filled draft. */
    public void start(Consumer<PipelineDraft> ready) {
        if (phase.get() != Phase.IDLE) {
            return;
        }
        problem.set(null);
        phase.set(Phase.STARTING);
        progress.set("starting");
        Cancellation c = new Cancellation();
        cancellation = c;
        DemoSession.Options chosen = options.withReset(reset.get());
        tasks.run(() -> {
            DemoSession s = DemoSession.start(folder, secrets, chosen, step -> tasks.onUi(() -> progress.set(step)), c);
            s.generator().ifPresent(g -> g.setRate(rate.get()));
            return s;
        }, started -> {
            session = started;
            phase.set(Phase.RUNNING);
            reset.set(false);
            dataExists.set(true);
            servers.set("source " + started.source().display() + "   destination " + started.destination().display());
            refresh();
            ready.accept(draft());
        }, e -> {
            phase.set(Phase.IDLE);
            dataExists.set(DemoDatabases.existIn(folder));
            if (!(e instanceof DemoSession.Cancelled)) {
                problem.set(Problem.of(e));
            }
        });
    }

    /** Cancels a start in progress: it stops at its next step and stops whatever it had started. */
    public void cancel() {
        if (phase.get() == Phase.STARTING && cancellation != null) {
            progress.set("cancelling");
            cancellation.cancel();
        }
    }

    /** A new wizard draft for the running demo: both endpoints with the password, the shop's tables, names. */
    public PipelineDraft draft() {
        DemoSession s = session;
        if (s == null) {
            throw new IllegalStateException("the demo is not running");
        }
        PipelineDraft d = new PipelineDraft();
        d.name.set(DemoSession.PIPELINE);
        fill(d, s.source(), true);
        fill(d, s.destination(), false);
        d.publication.set(DemoSession.PUBLICATION);
        d.slot.set(DemoSession.SLOT);
        d.tables.setAll(ShopData.TABLES);
        return d;
    }

    private static void fill(PipelineDraft d, PgEndpoint e, boolean source) {
        var form = source ? d.source : d.destination;
        form.host.set(e.host());
        form.port.set(String.valueOf(e.port()));
        form.database.set(e.database());
        form.user.set(e.user());
        form.password.set(e.password().value());
        form.sslMode.set(e.sslMode());
        form.caFile.set(null);
    }

    /** Reads the generator's counters (cheap: atomics); the view calls it once a second. */
    public void refresh() {
        Optional<ChangeGenerator> g = generator();
        if (phase.get() != Phase.RUNNING) {
            changes.set("");
        } else if (g.isEmpty()) {
            changes.set("no change generator");
        } else {
            ChangeGenerator gen = g.get();
            changes.set(String.format(Locale.ROOT, "%,d changes made on the source", gen.changesMade())
                    + (gen.largeTransactionsMade() > 0 ? String.format(Locale.ROOT, ", %d large transaction%s",
                    gen.largeTransactionsMade(), gen.largeTransactionsMade() == 1 ? "" : "s") : "")
                    + (gen.lastError() == null ? "" : " (paused: " + gen.lastError() + ")"));
        }
    }

    /** True when a pipeline with this source replicates the running demo. */
    public boolean isDemoSource(PgEndpoint source) {
        return isDemoSource(source.host(), String.valueOf(source.port()));
    }

    /** The same for host and port as typed in the wizard. */
    public boolean isDemoSource(String host, String port) {
        DemoSession s = session;
        return s != null && String.valueOf(s.source().port()).equals(port == null ? "" : port.strip())
                && ("localhost".equals(host) || "127.0.0.1".equals(host));
    }

    /** Stops the demo's pipeline (if one runs), the generator and both servers, in the background. */
    public void stop(Runnable stopped) {
        DemoSession s = session;
        if (phase.get() != Phase.RUNNING || s == null) {
            return;
        }
        phase.set(Phase.STOPPING);
        progress.set("stopping the pipeline, the generator and both servers");
        tasks.run(() -> {
            try {
                stopPipeline.run();
            } finally {
                s.close();
            }
            return s;
        }, done -> ended(stopped), e -> {
            problem.set(Problem.of(e));
            ended(stopped);
        });
    }

    private void ended(Runnable stopped) {
        session = null;
        phase.set(Phase.IDLE);
        servers.set("");
        changes.set("");
        stopped.run();
    }

    /** Stops everything now, on the calling thread: for the window closing, when no UI is left to update. */
    public void shutdown() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
        DemoSession s = session;
        if (s != null) {
            session = null;
            s.close();
        }
    }

    public Optional<ChangeGenerator> generator() {
        DemoSession s = session;
        return s == null ? Optional.empty() : s.generator();
    }

    /** The running demo, for tests and the window. */
    public Optional<DemoSession> session() {
        return Optional.ofNullable(session);
    }
}
