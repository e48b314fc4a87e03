package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.setup.Cancellation;
import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.setup.Diagnostics;
import io.walbridge.core.setup.DiagnosticsListener;
import io.walbridge.core.setup.DiagnosticsReport;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.Status;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * A "Test connection" with a live checklist: runs the staged diagnostics in the background, updates one row per
 * stage as each finishes, and can be cancelled mid-stage.
 */
public final class ConnectionTestViewModel {

    private final TaskRunner tasks;
    private final Diagnostics diagnostics;
    private final ObservableList<ChecklistRow> rows = FXCollections.observableArrayList();
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final StringProperty outcome = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    public final ObjectProperty<DiagnosticsReport> report = new SimpleObjectProperty<>();
    private Cancellation cancellation = new Cancellation();
    private TaskRunner.Running current = TaskRunner.Running.DONE;

    public ConnectionTestViewModel(TaskRunner tasks, ConnectionFactory connections, List<Check> checks) {
        this.tasks = tasks;
        this.diagnostics = new Diagnostics(checks, Clock.systemUTC(), connections);
        checks.forEach(c -> rows.add(new ChecklistRow(c.stage())));
    }

    public ObservableList<ChecklistRow> rows() {
        return rows;
    }

    /** Starts a run; a target that cannot be built (a field breaks its rule) shows as a problem instead. */
    public void start(Supplier<CheckTarget> target) {
        if (running.get()) {
            return;
        }
        rows.forEach(ChecklistRow::reset);
        problem.set(null);
        report.set(null);
        CheckTarget t;
        try {
            t = target.get();
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
            outcome.set("");
            return;
        }
        cancellation = new Cancellation();
        Cancellation mine = cancellation;
        running.set(true);
        outcome.set("testing " + t.display() + " …");
        DiagnosticsListener listener = new DiagnosticsListener() {
            @Override
            public void finished(CheckResult result) {
                tasks.onUi(() -> {
                    if (mine == cancellation) {
                        row(result.stage()).finished(result);
                    }
                });
            }

            @Override
            public void started(Stage stage) {
                tasks.onUi(() -> {
                    if (mine == cancellation) {
                        row(stage).started();
                    }
                });
            }
        };
        current = tasks.run(() -> diagnostics.run(t, listener, mine), this::done, e -> {
            running.set(false);
            problem.set(Problem.of(e, t.secrets().toArray(new io.walbridge.core.config.Secret[0])));
            outcome.set("the test could not run");
        });
    }

    public void cancel() {
        cancellation.cancel();
        current.cancel();
        running.set(false);
        outcome.set("cancelled");
        rows.stream().filter(r -> r.status.get() == RowStatus.RUNNING || r.status.get() == RowStatus.PENDING)
                .forEach(r -> r.finished(CheckResult.skipped(r.stage(), "not checked: cancelled")));
    }

    private void done(DiagnosticsReport r) {
        running.set(false);
        r.results().forEach(result -> row(result.stage()).finished(result));
        report.set(r);
        long failed = r.count(Status.FAILED);
        long warnings = r.count(Status.WARNING);
        if (r.ready()) {
            outcome.set("ready" + (warnings == 0 ? "" : " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")"));
        } else {
            outcome.set("not ready: " + failed + " stage" + (failed == 1 ? "" : "s") + " failed; see the fix below");
        }
    }

    private ChecklistRow row(Stage stage) {
        return rows.stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
    }
}
