package io.walbridge.app.monitor;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.RunningPipeline;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.change.TableId;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.verify.TableDifference;
import io.walbridge.core.verify.Verifier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * "Validate replication": compares the destination with the source, table by table, as {@code walbridge
 * verify} does, in the background with progress and Cancel. Each table's outcome appears as soon as it is
 * known; a difference names the keys.
 */
public final class ValidationViewModel {

    static final int KEYS_SHOWN = 20;

    private final RunningPipeline pipeline;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Verifier.Options options;
    private TaskRunner.Running work = TaskRunner.Running.DONE;
    private long run;
    public final ObservableList<ValidationRow> rows = FXCollections.observableArrayList();
    public final BooleanProperty running = new SimpleBooleanProperty();
    /** 0..1 while running; -1 while the table list and catch-up are awaited. */
    public final DoubleProperty progress = new SimpleDoubleProperty();
    public final StringProperty status = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    public ValidationViewModel(RunningPipeline pipeline, TaskRunner tasks, Clock clock, Verifier.Options options) {
        this.pipeline = pipeline;
        this.tasks = tasks;
        this.clock = clock;
        this.options = options;
    }

    public void start() {
        if (running.get()) {
            return;
        }
        long mine = ++run;
        rows.clear();
        problem.set(null);
        running.set(true);
        progress.set(-1);
        status.set("waiting until the destination has caught up with the source, then comparing…");
        var source = pipeline.pipeline().config().source();
        String publication = pipeline.pipeline().config().publication();
        var target = pipeline.destination();
        work = tasks.run(() -> {
            List<TableId> tables = new SourceCatalog(source).publicationTables(publication);
            List<TableDifference> done = new ArrayList<>();
            Verifier.Report report = new Verifier(source, target, options, clock).verify(tables, d -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("validation cancelled");
                }
                done.add(d);
                int n = done.size();
                tasks.onUi(() -> tableDone(mine, d, n, tables.size()));
            });
            return report;
        }, report -> finished(mine, report), e -> failed(mine, e));
    }

    public void cancel() {
        if (!running.get()) {
            return;
        }
        run++; // whatever the cancelled work still reports is ignored
        work.cancel();
        running.set(false);
        progress.set(0);
        status.set("cancelled after " + rows.size() + " table(s); the tables compared so far are listed");
    }

    private void tableDone(long mine, TableDifference d, int done, int total) {
        if (mine != run) {
            return;
        }
        rows.add(row(d));
        progress.set(total == 0 ? 1 : (double) done / total);
        status.set("compared " + done + " of " + total + " tables…");
    }

    private void finished(long mine, Verifier.Report report) {
        if (mine != run) {
            return;
        }
        running.set(false);
        progress.set(1);
        // rows arrive through onUi as each table finishes; the report is the authority when they did not
        if (rows.size() != report.tables().size()) {
            rows.setAll(report.tables().stream().map(ValidationViewModel::row).toList());
        }
        long diff = report.tables().stream().filter(t -> !t.equal()).count();
        String caughtUp = report.caughtUp() ? "" : " The destination had not caught up with the source within "
                + options.catchUpTimeout().toSeconds() + " s, so rows still in flight may show as differences.";
        status.set(diff == 0 ? "all " + report.tables().size() + " tables are equal (source position " + report.sourcePosition() + ")."
                : diff + " of " + report.tables().size() + " tables differ." + caughtUp);
    }

    private void failed(long mine, Throwable e) {
        if (mine != run) {
            return;
        }
        running.set(false);
        progress.set(0);
        status.set("");
        problem.set(pipeline.problem(e));
    }

    static ValidationRow row(TableDifference d) {
        if (d.targetTableMissing()) {
            return new ValidationRow(d.table().toString(), "DIFF", "the destination has no such table");
        }
        String counts = FigureText.count(d.sourceRows()) + " rows on the source, " + FigureText.count(d.targetRows())
                + " on the destination";
        if (d.equal()) {
            return new ValidationRow(d.table().toString(), "OK", FigureText.count(d.sourceRows()) + " rows");
        }
        StringBuilder sb = new StringBuilder(counts);
        keys(sb, "missing on the destination", d.missing());
        keys(sb, "only on the destination", d.extra());
        keys(sb, "different", d.differing());
        return new ValidationRow(d.table().toString(), "DIFF", sb.toString());
    }

    private static void keys(StringBuilder sb, String what, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        sb.append("; ").append(what).append(": ").append(String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size()))));
        if (keys.size() > KEYS_SHOWN) {
            sb.append(" and ").append(keys.size() - KEYS_SHOWN).append(" more");
        }
    }
}
