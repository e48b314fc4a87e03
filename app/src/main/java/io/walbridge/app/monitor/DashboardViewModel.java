package io.walbridge.app.monitor;

import io.walbridge.app.common.Problem;
import io.walbridge.core.change.TableId;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.pipeline.ApplyLatency;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.TableCounts;
import io.walbridge.core.snapshot.SnapshotProgress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard of the selected pipeline: state and phase, the figures of the last second, per-table counters
 * and copy progress, and the controls. {@link #refresh()} reads counters and the latest poll only, so it is
 * cheap enough for the UI thread once a second; everything that talks to a server runs in the background.
 */
public final class DashboardViewModel {

    private final MonitorModel model;
    private final ZoneId zone;
    private PipelineMonitor shown;
    public final ChartsViewModel charts;
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty state = new SimpleStringProperty("");
    public final StringProperty phase = new SimpleStringProperty("");
    public final ObjectProperty<Problem> failure = new SimpleObjectProperty<>();
    public final StringProperty changesPerSecond = new SimpleStringProperty("–");
    public final StringProperty bytesPerSecond = new SimpleStringProperty("–");
    public final StringProperty retained = new SimpleStringProperty("–");
    public final StringProperty walStatus = new SimpleStringProperty("–");
    public final StringProperty lag = new SimpleStringProperty("–");
    public final StringProperty latency = new SimpleStringProperty("–");
    public final StringProperty totals = new SimpleStringProperty("");
    public final ObservableList<TableFigures> tables = FXCollections.observableArrayList();
    public final ObservableList<CopyProgress> copies = FXCollections.observableArrayList();
    public final BooleanProperty canPause = new SimpleBooleanProperty();
    public final BooleanProperty canResume = new SimpleBooleanProperty();
    public final BooleanProperty canStop = new SimpleBooleanProperty();
    public final BooleanProperty canRestart = new SimpleBooleanProperty();
    public final BooleanProperty restarting = new SimpleBooleanProperty();
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    public DashboardViewModel(MonitorModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        this.charts = new ChartsViewModel(model);
        model.ticks.addListener((o, a, b) -> {
            refresh();
            charts.onTick();
        });
    }

    public void show(PipelineMonitor pipeline) {
        shown = pipeline;
        problem.set(null);
        charts.show(pipeline);
        refresh();
    }

    public Optional<PipelineMonitor> shown() {
        return Optional.ofNullable(shown);
    }

    public void refresh() {
        if (shown == null) {
            name.set("");
            return;
        }
        Pipeline p = shown.running().pipeline();
        PipelineMetrics m = p.metrics();
        PipelineState s = m.state();
        Instant now = model.clock().instant();
        name.set(shown.name());
        state.set(s.name().toLowerCase(Locale.ROOT));
        phase.set(phase(s, p.snapshotProgress()));
        failure.set(m.failure() == null || (s != PipelineState.FAILED && s != PipelineState.RECONNECTING) ? null
                : new Problem((s == PipelineState.FAILED ? "failed: " : "reconnecting after: ") + m.failure(),
                m.failureFix() == null ? "" : m.failureFix()));
        canPause.set(!s.isFinal() && s != PipelineState.PAUSED);
        canResume.set(s == PipelineState.PAUSED);
        canStop.set(!s.isFinal());
        canRestart.set(!restarting.get());
        PipelineSample sample = shown.latest();
        if (sample != null) {
            changesPerSecond.set(FigureText.perSecond(sample.changesRead()) + " read · "
                    + FigureText.perSecond(sample.changesApplied()) + " applied");
            bytesPerSecond.set(FigureText.bytesPerSecond(sample.bytesRead()) + " read · "
                    + FigureText.bytesPerSecond(sample.bytesApplied()) + " applied");
        }
        slotFigures(shown.lastPoll(), sample);
        Optional<ApplyLatency.Percentiles> recent = m.latency().within(java.time.Duration.ofMinutes(1));
        latency.set(recent.map(l -> "p50 " + FigureText.millis(l.p50().toMillis()) + " · p99 "
                + FigureText.millis(l.p99().toMillis()) + " (" + FigureText.count(l.samples()) + " transactions, last minute)")
                .orElse("no transaction applied in the last minute"));
        totals.set(FigureText.count(m.changesApplied()) + " changes in " + FigureText.count(m.transactionsApplied())
                + " transactions applied · confirmed up to " + m.confirmedLsn()
                + (m.reconnects() > 0 ? " · " + m.reconnects() + " reconnects" : ""));
        tables(m, p.snapshotProgress(), now);
    }

    private void slotFigures(SourceSlots poll, PipelineSample sample) {
        SlotStatus slot = poll == null ? null : poll.slot(shown.slotName()).orElse(null);
        if (slot == null) {
            retained.set(poll == null ? "waiting for the first poll of the source" : "slot " + shown.slotName() + " not found");
            walStatus.set("–");
            lag.set("–");
            return;
        }
        retained.set(FigureText.retained(slot, poll));
        walStatus.set((slot.walStatus() == null ? "–" : slot.walStatus()) + " · safe_wal_size " + FigureText.safeWalSize(slot, poll));
        String bytes = slot.lagBytes() == null ? "–" : HumanUnits.bytes(slot.lagBytes());
        String time = sample == null || sample.secondsBehind() < 0 ? "unknown"
                : sample.secondsBehind() == 0 ? "caught up" : FigureText.seconds(sample.secondsBehind()) + " behind";
        lag.set(bytes + " not confirmed · " + time);
    }

    private static String phase(PipelineState s, SnapshotProgress progress) {
        return switch (s) {
            case STARTING -> "connecting to the source and the destination";
            case SNAPSHOTTING -> {
                long done = progress.tables().stream().filter(SnapshotProgress.TableStatus::done).count();
                yield "initial copy: " + done + " of " + progress.tables().size() + " tables copied";
            }
            case STREAMING -> "streaming changes";
            case PAUSED -> "paused: nothing is applied, the slot keeps the WAL until you resume";
            case RECONNECTING -> "lost a connection; retrying with back-off";
            case STOPPING -> "stopping after the batch in hand";
            case STOPPED -> "stopped; start it again with Restart";
            case FAILED -> "failed; see the reason and the fix below";
        };
    }

    private void tables(PipelineMetrics m, SnapshotProgress progress, Instant now) {
        Map<TableId, TableCounts> counts = new TreeMap<>();
        m.tables().forEach(t -> counts.put(t.table(), t));
        Map<TableId, SnapshotProgress.TableStatus> copiesByTable = new TreeMap<>();
        progress.tables().forEach(t -> copiesByTable.put(t.table(), t));
        TreeMap<TableId, TableFigures> rows = new TreeMap<>();
        for (TableId t : union(counts, copiesByTable)) {
            TableCounts c = counts.getOrDefault(t, new TableCounts(t, 0, 0, 0, null, 0));
            SnapshotProgress.TableStatus copy = copiesByTable.get(t);
            rows.put(t, new TableFigures(t, c.inserts(), c.updates(), c.deletes(), FigureText.when(c.lastChange(), now, zone),
                    c.errors(), copy == null ? "" : copy.done() ? "copied, " + FigureText.count(copy.rowsDone()) + " rows"
                    : "copying"));
        }
        tables.setAll(rows.values());
        copies.setAll(copiesByTable.values().stream().filter(c -> !c.done()).map(DashboardViewModel::copy).toList());
    }

    private static java.util.Set<TableId> union(Map<TableId, ?> a, Map<TableId, ?> b) {
        java.util.TreeSet<TableId> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static CopyProgress copy(SnapshotProgress.TableStatus t) {
        double fraction = t.rowsEstimated() > 0 ? Math.min(1.0, (double) t.rowsDone() / t.rowsEstimated()) : -1;
        String detail = FigureText.count(t.rowsDone()) + (t.rowsEstimated() > 0 ? " of ~" + FigureText.count(t.rowsEstimated()) : "")
                + " rows · " + FigureText.count(Math.round(t.rowsPerSecond())) + " rows/s"
                + (t.eta() == null ? "" : " · ETA " + HumanUnits.duration(t.eta()));
        return new CopyProgress(t.table().toString(), fraction, detail);
    }

    // ---- controls -------------------------------------------------------------------------------------------

    public void pause() {
        act(Pipeline::pause);
    }

    public void resume() {
        act(Pipeline::resume);
    }

    public String stopConfirmation() {
        return "Stop pipeline " + name.get() + "?\n\nIt stops after the batch being applied; nothing applied is lost. "
                + "Until it runs again, slot " + (shown == null ? "" : shown.slotName())
                + " keeps all new WAL on the source, so do not leave it stopped for long.";
    }

    public void stop() {
        act(Pipeline::stop);
    }

    public String restartConfirmation() {
        return "Restart pipeline " + name.get() + "?\n\nIt stops after the batch being applied, then starts again from "
                + "the destination's checkpoint. Nothing is lost or applied twice.";
    }

    public void restart() {
        if (shown == null || restarting.get()) {
            return;
        }
        PipelineMonitor p = shown;
        restarting.set(true);
        canRestart.set(false);
        model.alerts().note(model.clock().instant(), "restarting pipeline " + p.name());
        model.running().restart(p.running(), why -> {
            restarting.set(false);
            problem.set(why);
            refresh();
            charts.reload();
        });
    }

    public String resnapshotConfirmation(TableId table) {
        return "Copy " + table + " again?\n\nThe destination table " + table + " is emptied and refilled from a fresh "
                + "snapshot of the source, while the other tables keep streaming. Until the copy ends, the destination "
                + "table is incomplete.";
    }

    public void resnapshot(TableId table) {
        act(p -> p.resnapshot(table));
        if (problem.get() == null) {
            model.alerts().note(model.clock().instant(), "pipeline " + name.get() + ": copying " + table + " again");
        }
    }

    /** Removes an ended pipeline from the list. */
    public void forget() {
        if (shown != null) {
            model.running().forget(shown.running());
        }
    }

    private void act(java.util.function.Consumer<Pipeline> action) {
        if (shown == null) {
            return;
        }
        problem.set(null);
        try {
            action.accept(shown.running().pipeline());
        } catch (RuntimeException e) {
            problem.set(shown.running().problem(e));
        }
        refresh();
    }
}
