package io.walbridge.app.monitor;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.RunningPipeline;
import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertKind;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.PipelineHistory;
import io.walbridge.core.monitor.Severity;
import io.walbridge.core.monitor.SourceKey;
import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monitor behind every view: one {@link PipelineMonitor} per running pipeline, one {@link SourceWatch}
 * per source server, and the alerts. {@link #tick()} is called once a second on the UI thread; each source
 * is then read in the background (at most once a second, never two reads of one source at a time), and the
 * results come back to the UI thread, where {@link #ticks} tells the views to redraw.
 */
public final class MonitorModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorModel.class);

    private final RunningPipelines running;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path stateDir;
    private final ConnectionFactory connections;
    private final AlertThresholds thresholds;
    private final AlertCenter alerts;
    public final ObservableList<PipelineMonitor> pipelines = FXCollections.observableArrayList();
    public final ObservableList<SourceWatch> sources = FXCollections.observableArrayList();
    /** Counts finished polls; views redraw when it changes. */
    public final LongProperty ticks = new SimpleLongProperty();

    public MonitorModel(RunningPipelines running, TaskRunner tasks, Clock clock, Path stateDir,
                        ConnectionFactory connections, AlertThresholds thresholds, Notifier notifier) {
        this.running = running;
        this.tasks = tasks;
        this.clock = clock;
        this.stateDir = stateDir;
        this.connections = connections;
        this.thresholds = thresholds;
        this.alerts = new AlertCenter(notifier);
        running.all().forEach(this::added);
        running.all().addListener((ListChangeListener<RunningPipeline>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removed);
                c.getAddedSubList().forEach(this::added);
            }
        });
    }

    public RunningPipelines running() {
        return running;
    }

    public AlertCenter alerts() {
        return alerts;
    }

    public Clock clock() {
        return clock;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public Optional<PipelineMonitor> pipeline(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The watch of the pipeline's source server. */
    public Optional<SourceWatch> sourceOf(PipelineMonitor p) {
        return sources.stream().filter(w -> w.key().equals(p.source())).findFirst();
    }

    /** Watches a source server's slots (e.g. one another tool reads); the same server is watched once. */
    public SourceWatch watch(PgEndpoint endpoint) {
        SourceKey key = SourceKey.of(endpoint);
        for (SourceWatch w : sources) {
            if (w.key().equals(key)) {
                return w;
            }
        }
        // a source's own thresholds, saved from the slots view, override the app's defaults
        AlertLimitsFile limits = new AlertLimitsFile(stateDir, key);
        SourceWatch w = new SourceWatch(endpoint, stateDir, clock, connections, limits.exists() ? limits.load() : thresholds);
        sources.add(w);
        alerts.note(clock.instant(), "watching the replication slots of " + endpoint.display());
        return w;
    }

    /** Sets and saves a source's alert thresholds; they apply from its next poll. */
    public void thresholds(SourceWatch w, AlertThresholds t) {
        w.thresholds(t);
        new AlertLimitsFile(stateDir, w.key()).save(t);
        alerts.note(clock.instant(), w.key() + ": alert thresholds set to WAL retained > "
                + io.walbridge.core.monitor.HumanUnits.bytes(t.maxRetainedBytes()) + " or > "
                + Math.round(t.maxShareOfKeepSize() * 100) + "% of max_slot_wal_keep_size, lag > "
                + io.walbridge.core.monitor.HumanUnits.duration(t.maxLag()) + ", inactive > "
                + io.walbridge.core.monitor.HumanUnits.duration(t.maxInactive()));
    }

    /** Starts one background poll per source that is not still busy with the previous one. */
    public void tick() {
        for (SourceWatch w : List.copyOf(sources)) {
            if (w.busy()) {
                continue;
            }
            List<PipelineMonitor> readers = pipelines.stream().filter(p -> p.source().equals(w.key())).toList();
            Instant now = clock.instant();
            w.busy(true);
            tasks.run(() -> w.poll(readers, now), poll -> {
                w.busy(false);
                apply(w, readers, poll);
            }, e -> {
                w.busy(false);
                w.problem.set(Problem.of(e));
            });
        }
    }

    private void apply(SourceWatch w, List<PipelineMonitor> readers, SourceWatch.Poll poll) {
        if (poll.slots() != null) {
            w.slots.set(poll.slots());
            w.problem.set(null);
        } else {
            w.problem.set(Problem.of(poll.failure()));
        }
        List<Alert> active = new ArrayList<>(poll.alerts());
        for (PipelineMonitor r : readers) {
            PipelineMetrics m = r.running().pipeline().metrics();
            // a failed pipeline alerts even when its slot could not be read or is gone
            if (m.state() == PipelineState.FAILED && active.stream().noneMatch(a -> a.slot().equals(r.slotName())
                    && a.kind() == AlertKind.PIPELINE_FAILED)) {
                active.add(new Alert(r.slotName(), AlertKind.PIPELINE_FAILED, Severity.CRITICAL,
                        "pipeline " + r.name() + " failed: " + m.failure(), m.failureFix() == null ? "" : m.failureFix()));
            }
        }
        // while the slots cannot be read, their alerts are unknown rather than cleared
        alerts.update(w.key().toString(), active, poll.at(), poll.slots() != null);
        for (PipelineMonitor r : readers) {
            String change = r.refresh(alerts.activeFor(w.key().toString(), r.slotName()));
            if (change != null) {
                alerts.note(poll.at(), change);
            }
        }
        ticks.set(ticks.get() + 1);
    }

    private void added(RunningPipeline r) {
        PipelineHistory history = null;
        try {
            history = PipelineHistory.forPipeline(stateDir, r.name());
        } catch (RuntimeException e) {
            LOG.warn("no history on disk for pipeline {}: {}", r.name(), e.getMessage());
        }
        PipelineMonitor m = new PipelineMonitor(r, history);
        pipelines.add(m);
        watch(r.pipeline().config().source());
    }

    private void removed(RunningPipeline r) {
        pipelines.removeIf(p -> {
            if (p.running() == r) {
                p.close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        pipelines.forEach(PipelineMonitor::close);
        sources.forEach(SourceWatch::close);
    }
}
