package io.walbridge.app.monitor;

import io.walbridge.core.monitor.HistoryPoint;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.monitor.SlotHistory;
import io.walbridge.core.monitor.SourceSlots;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The chart data of one pipeline: throughput, WAL retained, lag and apply latency, x in epoch seconds. Live,
 * it appends the newest second on each tick and drops what scrolled out of the 15 minutes; for a longer or
 * earlier stretch it reads the day on disk in the background, at most {@link #MAX_POINTS} points per series
 * (each the highest of its bucket, so no spike is averaged away).
 */
public final class ChartsViewModel {

    public static final int MAX_POINTS = LiveWindow.POINTS;

    private final MonitorModel model;
    private PipelineMonitor shown;
    private long loadGeneration;
    public final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.LIVE_15_MIN);
    /** How far back the right edge of the charts is, in hours (0 = now, up to 24). */
    public final DoubleProperty hoursBack = new SimpleDoubleProperty(0);
    public final DoubleProperty lowerBound = new SimpleDoubleProperty();
    public final DoubleProperty upperBound = new SimpleDoubleProperty();
    public final StringProperty note = new SimpleStringProperty("");
    public final ObservableList<XYChart.Data<Number, Number>> changesRead = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> changesApplied = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> bytesRead = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> bytesApplied = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> retained = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> keepLimit = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> lagBytes = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> secondsBehind = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> p50 = FXCollections.observableArrayList();
    public final ObservableList<XYChart.Data<Number, Number>> p99 = FXCollections.observableArrayList();

    public ChartsViewModel(MonitorModel model) {
        this.model = model;
        range.addListener((o, a, b) -> reload());
        hoursBack.addListener((o, a, b) -> reload());
    }

    public boolean live() {
        return range.get().live() && hoursBack.get() <= 0;
    }

    /** Shows another pipeline's charts (null: none). */
    public void show(PipelineMonitor pipeline) {
        shown = pipeline;
        reload();
    }

    /** The newest second, appended when live (called after each poll). */
    public void onTick() {
        if (shown == null || !live()) {
            return;
        }
        bounds(model.clock().instant());
        PipelineSample s = shown.latest();
        Batch b = new Batch();
        if (s != null && (changesRead.isEmpty() || lastX(changesRead) < s.time().getEpochSecond())) {
            b.addSample(s);
        }
        List<HistoryPoint> slot = shown.liveSlotPoints();
        HistoryPoint h = slot.isEmpty() ? null : slot.get(slot.size() - 1);
        if (h != null && (retained.isEmpty() || lastX(retained) < h.time().getEpochSecond())) {
            b.addSlotPoint(h);
        }
        b.append();
        limitLine(shown.lastPoll());
        double low = lowerBound.get();
        for (ObservableList<XYChart.Data<Number, Number>> series : all()) {
            // drop what scrolled out, keeping one point left of the edge so the line enters the chart
            int out = 0;
            while (out + 1 < series.size() && series.get(out + 1).getXValue().doubleValue() < low) {
                out++;
            }
            if (out > 0) {
                series.remove(0, out); // one change for the chart, not one per point
            }
        }
    }

    /** Redraws everything for the current pipeline, range and position. */
    public void reload() {
        long generation = ++loadGeneration;
        all().forEach(List::clear);
        if (shown == null) {
            note.set("");
            return;
        }
        Instant end = model.clock().instant().minusSeconds(Math.round(hoursBack.get() * 3600));
        bounds(end);
        if (live()) {
            long from = lowerBound.get() == 0 ? 0 : (long) lowerBound.get() - 1;
            Batch b = new Batch();
            shown.liveSamples().stream().filter(s -> s.time().getEpochSecond() >= from).forEach(b::addSample);
            shown.liveSlotPoints().stream().filter(h -> h.time().getEpochSecond() >= from).forEach(b::addSlotPoint);
            b.apply();
            limitLine(shown.lastPoll());
            note.set("live: one point per second");
            return;
        }
        PipelineMonitor p = shown;
        Instant from = end.minus(range.get().span());
        SlotHistory slots = model.sourceOf(p).map(SourceWatch::history).orElse(null);
        note.set("reading the history…");
        model.tasks().run(() -> new Loaded(
                p.history() == null ? List.of() : p.history().points(from, end, MAX_POINTS),
                slots == null ? List.of() : slots.points(p.slotName(), from, end, MAX_POINTS)), loaded -> {
            if (generation != loadGeneration) {
                return; // the user moved on while this was read
            }
            Batch b = new Batch();
            loaded.samples().forEach(b::addSample);
            loaded.slot().forEach(b::addSlotPoint);
            b.apply();
            limitLine(p.lastPoll());
            long bucket = Math.max(1, (range.get().span().getSeconds() + MAX_POINTS - 1) / MAX_POINTS);
            note.set(bucket <= 1 ? "from the history on disk, one point per second"
                    : "from the history on disk; each point is the highest of " + io.walbridge.core.monitor.HumanUnits
                    .duration(Duration.ofSeconds(bucket)));
        }, e -> note.set("the history could not be read: " + e.getMessage()));
    }

    private record Loaded(List<PipelineSample> samples, List<HistoryPoint> slot) {
    }

    private void bounds(Instant end) {
        upperBound.set(end.getEpochSecond());
        lowerBound.set(end.minus(range.get().span()).getEpochSecond());
    }

    /**
     * New points gathered first and handed to each series in one change: a chart re-lays itself out per list
     * change, so 900 single adds would cost 900 layouts.
     */
    private final class Batch {
        private final List<List<XYChart.Data<Number, Number>>> lists = new java.util.ArrayList<>();

        Batch() {
            for (int i = 0; i < all().size(); i++) {
                lists.add(new java.util.ArrayList<>());
            }
        }

        void addSample(PipelineSample s) {
            long x = s.time().getEpochSecond();
            lists.get(0).add(new XYChart.Data<>(x, s.changesRead()));
            lists.get(1).add(new XYChart.Data<>(x, s.changesApplied()));
            lists.get(2).add(new XYChart.Data<>(x, s.bytesRead()));
            lists.get(3).add(new XYChart.Data<>(x, s.bytesApplied()));
            if (s.secondsBehind() >= 0) {
                lists.get(7).add(new XYChart.Data<>(x, s.secondsBehind()));
            }
            if (s.p50Millis() >= 0) {
                lists.get(8).add(new XYChart.Data<>(x, s.p50Millis()));
                lists.get(9).add(new XYChart.Data<>(x, s.p99Millis()));
            }
        }

        void addSlotPoint(HistoryPoint h) {
            long x = h.time().getEpochSecond();
            lists.get(4).add(new XYChart.Data<>(x, h.retainedBytes()));
            if (h.lagBytes() >= 0) {
                lists.get(6).add(new XYChart.Data<>(x, h.lagBytes()));
            }
        }

        /** Replaces each series' points. */
        void apply() {
            List<ObservableList<XYChart.Data<Number, Number>>> series = all();
            for (int i = 0; i < series.size(); i++) {
                if (i != 5) { // the limit line is drawn by limitLine
                    series.get(i).setAll(lists.get(i));
                }
            }
        }

        /** Appends to each series. */
        void append() {
            List<ObservableList<XYChart.Data<Number, Number>>> series = all();
            for (int i = 0; i < series.size(); i++) {
                if (!lists.get(i).isEmpty()) {
                    series.get(i).addAll(lists.get(i));
                }
            }
        }
    }

    /** max_slot_wal_keep_size as a flat line across the chart, when the server has one. */
    private void limitLine(SourceSlots poll) {
        if (poll == null || !poll.keepSizeLimited()) {
            keepLimit.clear();
            return;
        }
        long limit = poll.maxSlotWalKeepSize();
        keepLimit.setAll(List.of(new XYChart.Data<>(lowerBound.get(), limit), new XYChart.Data<>(upperBound.get(), limit)));
    }

    private static long lastX(List<XYChart.Data<Number, Number>> series) {
        return series.get(series.size() - 1).getXValue().longValue();
    }

    private List<ObservableList<XYChart.Data<Number, Number>>> all() {
        return List.of(changesRead, changesApplied, bytesRead, bytesApplied, retained, keepLimit, lagBytes, secondsBehind,
                p50, p99);
    }
}
