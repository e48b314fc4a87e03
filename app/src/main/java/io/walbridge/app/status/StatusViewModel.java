package io.walbridge.app.status;

import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.snapshot.SnapshotProgress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * A running pipeline at a glance: state, per-table copy progress, changes applied, confirmed LSN and the last
 * error with its fix; Pause, Resume and Stop go straight to the engine. {@link #refresh()} only reads the
 * engine's atomic counters, so the view may call it on the UI thread once a second.
 */
public final class StatusViewModel {

    private final Pipeline pipeline;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty state = new SimpleStringProperty("");
    public final StringProperty changes = new SimpleStringProperty("");
    public final StringProperty confirmedLsn = new SimpleStringProperty("");
    public final StringProperty lastError = new SimpleStringProperty("");
    public final StringProperty lastErrorFix = new SimpleStringProperty("");
    public final ObservableList<String> tables = FXCollections.observableArrayList();
    public final BooleanProperty paused = new SimpleBooleanProperty(false);
    public final BooleanProperty ended = new SimpleBooleanProperty(false);

    public StatusViewModel(Pipeline pipeline) {
        this.pipeline = pipeline;
        name.set(pipeline.config().name());
        refresh();
    }

    public void refresh() {
        PipelineMetrics m = pipeline.metrics();
        PipelineState s = m.state();
        state.set(s.name().toLowerCase(Locale.ROOT));
        paused.set(s == PipelineState.PAUSED);
        ended.set(s.isFinal());
        changes.set(String.format(Locale.ROOT, "%,d changes in %,d transactions", m.changesApplied(),
                m.transactionsApplied()));
        confirmedLsn.set(m.confirmedLsn().toString());
        lastError.set(m.failure() == null ? "" : m.failure());
        lastErrorFix.set(m.failureFix() == null ? "" : m.failureFix());
        tables.setAll(pipeline.snapshotProgress().tables().stream().map(StatusViewModel::line).toList());
    }

    private static String line(SnapshotProgress.TableStatus t) {
        String rows = String.format(Locale.ROOT, "%,d", t.rowsDone())
                + (t.rowsEstimated() > 0 ? String.format(Locale.ROOT, " of ~%,d", t.rowsEstimated()) : "") + " rows";
        return t.table() + ": " + (t.done() ? "copied, " + rows : "copying, " + rows
                + String.format(Locale.ROOT, " (%,.0f rows/s)", t.rowsPerSecond()));
    }

    public void pause() {
        pipeline.pause();
        refresh();
    }

    public void resume() {
        pipeline.resume();
        refresh();
    }

    /** Asks the engine to stop after the batch in hand; it ends on its own thread, the state shows when. */
    public void stop() {
        pipeline.stop();
        refresh();
    }
}
