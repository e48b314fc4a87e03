package io.walbridge.app.monitor;

import io.walbridge.app.common.RunningPipeline;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.HistoryPoint;
import io.walbridge.core.monitor.PipelineHistory;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.monitor.Severity;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.SourceKey;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The monitor's side of one running pipeline: per-second samples of its counters and of its slot, the last
 * 15 minutes in memory for live charts, the last day on disk for scrolling back, and its state colour.
 */
public final class PipelineMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMonitor.class);

    private final RunningPipeline running;
    private final SourceKey source;
    private final RateSampler sampler = new RateSampler();
    private final PipelineHistory history;
    private final LiveWindow<PipelineSample> samples = new LiveWindow<>(LiveWindow.POINTS);
    private final LiveWindow<HistoryPoint> slotPoints = new LiveWindow<>(LiveWindow.POINTS);
    private volatile SourceSlots lastPoll;
    private PipelineState lastState;
    public final ObjectProperty<Health> health = new SimpleObjectProperty<>(Health.OK);
    public final StringProperty stateText = new SimpleStringProperty("");

    /** @param history null when the history folder cannot be written: charts then cover the live window only */
    PipelineMonitor(RunningPipeline running, PipelineHistory history) {
        this.running = running;
        this.source = SourceKey.of(running.pipeline().config().source());
        this.history = history;
    }

    public RunningPipeline running() {
        return running;
    }

    public String name() {
        return running.name();
    }

    public String slotName() {
        return running.pipeline().config().slot();
    }

    SourceKey source() {
        return source;
    }

    /** Takes this second's sample (background thread: it writes the history file). */
    void sample(SourceSlots poll, Instant now) {
        Pipeline p = running.pipeline();
        SlotStatus slot = poll == null ? null : poll.slot(slotName()).orElse(null);
        PipelineSample s = sampler.sample(p.metrics(), slot, now.truncatedTo(ChronoUnit.SECONDS));
        samples.add(s);
        if (poll != null) {
            lastPoll = poll;
            if (slot != null) {
                slotPoints.add(new HistoryPoint(poll.takenAt().truncatedTo(ChronoUnit.SECONDS),
                        slot.retainedBytes() == null ? 0 : slot.retainedBytes(),
                        slot.lagBytes() == null ? -1 : slot.lagBytes(), slot.active()));
            }
        }
        if (history != null) {
            try {
                history.record(s);
            } catch (RuntimeException e) {
                LOG.warn("could not write the history of pipeline {}: {}", name(), e.getMessage());
            }
        }
    }

    /** The samples of the last 15 minutes, oldest first. */
    public List<PipelineSample> liveSamples() {
        return samples.all();
    }

    /** The slot's points of the last 15 minutes, oldest first. */
    public List<HistoryPoint> liveSlotPoints() {
        return slotPoints.all();
    }

    public PipelineSample latest() {
        return samples.newest();
    }

    /** The latest poll of the source, or null before the first. */
    public SourceSlots lastPoll() {
        return lastPoll;
    }

    /** The day on disk, for charts scrolled back; null when it could not be opened. */
    public PipelineHistory history() {
        return history;
    }

    /** Sets the state colour from the engine state and the slot's active alerts (UI thread); returns a state change, or null. */
    String refresh(List<Alert> slotAlerts) {
        PipelineState state = running.pipeline().metrics().state();
        stateText.set(state.name().toLowerCase(Locale.ROOT));
        Severity worst = slotAlerts.stream().map(Alert::severity).max(Enum::compareTo).orElse(null);
        Health h = switch (state) {
            case FAILED -> Health.CRITICAL;
            case STOPPED, STOPPING -> Health.STOPPED;
            case PAUSED -> worst == Severity.CRITICAL ? Health.CRITICAL : Health.PAUSED;
            default -> worst == null ? Health.OK : worst == Severity.CRITICAL ? Health.CRITICAL : Health.WARNING;
        };
        health.set(h);
        String change = state != lastState ? "pipeline " + name() + " is " + stateText.get() : null;
        lastState = state;
        return change;
    }

    @Override
    public void close() {
        if (history != null) {
            history.close();
        }
    }
}
