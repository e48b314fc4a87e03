package io.walbridge.core.pipeline;

import io.walbridge.core.ReplicationFailure;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.sink.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.ExportedSnapshot;
import io.walbridge.core.snapshot.SnapshotProgress;
import io.walbridge.core.snapshot.SnapshotTarget;
import io.walbridge.core.source.ReplicationSlots;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.SourceErrors;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Replicates one slot into one sink: source → decoded events → sink, with positions confirmed back to
 * the source only from what the sink reports durable. A lost connection on either side ends the
 * session; the pipeline then starts a new one from the destination's checkpoint after a back-off.
 */
public final class Pipeline {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PipelineConfig config;
    private final SinkFactory sinks;
    private final SnapshotTarget snapshots;
    private final SnapshotProgress snapshotProgress = new SnapshotProgress(Clock.systemUTC());
    private final Set<TableId> resnapshot = ConcurrentHashMap.newKeySet();
    private final PipelineMetrics metrics = new PipelineMetrics();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private volatile Lsn stopAt;
    private volatile boolean resnapshotAll;
    /** Set once a start reached both servers; from then on, losing either one is retried. */
    private volatile boolean reachedBoth;
    private volatile boolean createdSlot;
    private volatile ReplicationSession session;
    private Thread supervisor;

    /** A pipeline that streams only: no initial copy of existing rows. */
    public Pipeline(PipelineConfig config, SinkFactory sinks) {
        this(config, sinks, null);
    }

    /** @param snapshots where table copies go; null to stream without copying existing rows */
    public Pipeline(PipelineConfig config, SinkFactory sinks, SnapshotTarget snapshots) {
        this.config = config;
        this.sinks = sinks;
        this.snapshots = snapshots;
    }

    public SnapshotProgress snapshotProgress() {
        return snapshotProgress;
    }

    /** Copies a table again (emptied, then refilled at a fresh snapshot) while the others keep streaming. */
    public void resnapshot(TableId table) {
        if (snapshots == null) {
            throw new IllegalStateException("this destination does not take table copies");
        }
        resnapshot.add(table);
        ReplicationSession s = session;
        if (s != null) {
            s.requestCopy(table);
        }
    }

    /** Copies every published table again at the next start (the remedy for a lost or dropped slot). */
    public void resnapshotAll() {
        if (snapshots == null) {
            throw new IllegalStateException("this destination does not take table copies");
        }
        resnapshotAll = true;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    public PipelineConfig config() {
        return config;
    }

    /** Starts replicating in the background. */
    public synchronized void start() {
        if (supervisor != null) {
            throw new IllegalStateException("pipeline already started");
        }
        supervisor = new Thread(this::supervise, "walbridge-" + config.name());
        supervisor.start();
    }

    /** Stops once every transaction committed on the source up to {@code target} is applied and confirmed. */
    public void stopWhenCaughtUpTo(Lsn target) {
        stopAt = target;
    }

    /** Stops after the batch being applied; nothing applied is lost and nothing unapplied is confirmed. */
    public void stop() {
        stopRequested = true;
        ReplicationSession s = session;
        if (s != null) {
            s.stop();
        }
    }

    public void pause() {
        paused = true;
        metrics.state(PipelineState.PAUSED);
    }

    public void resume() {
        paused = false;
        if (metrics.state() == PipelineState.PAUSED) {
            metrics.state(PipelineState.STREAMING);
        }
    }

    boolean paused() {
        return paused;
    }

    /** Waits for the pipeline to end; true when it did within the timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void supervise() {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (!stopRequested) {
                metrics.state(PipelineState.STARTING);
                try {
                    runSession();
                    break; // stopped on request or caught up
                } catch (ReplicationFailure e) {
                    // a first start that cannot reach a server is a wrong address or a server that is down: the
                    // user is there to fix it, so say so instead of retrying in silence
                    if (!e.retriable() || (!reachedBoth && couldNotConnect(e))) {
                        throw e;
                    }
                    backoff = retryAfter(e, backoff);
                }
            }
            metrics.state(PipelineState.STOPPED);
        } catch (UserFacingException e) {
            log.error("pipeline {} failed: {}", config.name(), e.problem());
            undoUnusedSlot();
            metrics.failed(e.problem(), e.fix());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.state(PipelineState.STOPPED);
        } catch (RuntimeException e) {
            log.error("pipeline {} failed", config.name(), e);
            undoUnusedSlot();
            metrics.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    "see the log for details");
        } finally {
            session = null;
            finished.countDown();
        }
    }

    /**
     * A connection that could not be made or was cut, as opposed to a server that answered "not now" (a lock,
     * a full disk, BigQuery's "unavailable, retry"): only the first says the address or server is wrong.
     */
    private static boolean couldNotConnect(ReplicationFailure e) {
        return e.getCause() instanceof SQLException sql && SourceErrors.connectionLost(sql);
    }

    /** One connection's worth: checks, the slot if missing, table copies, then streaming until stopped. */
    private void runSession() throws InterruptedException {
        // a missing publication is refused before a slot is made, so a failed start leaves nothing behind
        List<TableId> published = new SourceCatalog(config.engineSource()).publicationTables(config.publication());
        ReplicationSlots slots = new ReplicationSlots(config.engineSource());
        Optional<String> plugin = slots.plugin(config.slot());
        if (plugin.isPresent() && !plugin.get().equals("pgoutput")) {
            throw SlotUnusable.wrongPlugin(config.slot(), plugin.get());
        }
        boolean slotExists = plugin.isPresent();
        try (Sink sink = sinks.open()) {
            reachedBoth = true;
            ExportedSnapshot exported = null;
            if (!slotExists) {
                refuseSilentGap(sink, published);
                log.info("creating replication slot {}", config.slot());
                exported = slots.createExporting(config.slot());
                createdSlot = true;
                if (snapshots == null) {
                    exported.close();
                    exported = null;
                }
            }
            try (ExportedSnapshot slotSnapshot = exported) {
                SnapshotFilter filter = null;
                Backfill backfill = null;
                if (snapshots != null) {
                    backfill = new Backfill(config, snapshots, snapshotProgress);
                    List<TableId> again = resnapshotAll ? published : List.copyOf(resnapshot);
                    filter = backfill.prepare(slotSnapshot, again, () -> metrics.state(PipelineState.SNAPSHOTTING));
                    resnapshot.removeAll(again);
                    resnapshotAll = false;
                }
                ReplicationSession s = new ReplicationSession(config, sink, metrics, this::paused, filter, backfill);
                session = s;
                if (stopRequested) {
                    return;
                }
                Optional<Lsn> from = sink.durablePosition();
                log.info("replicating slot {} from {}", config.slot(), from.map(Lsn::toString).orElse("the slot's position"));
                s.run(from.orElse(Lsn.ZERO), () -> stopAt);
            }
        }
    }

    /**
     * A first start that fails for good (a table the destination cannot take, say) leaves no slot behind that
     * would hold WAL on the source for nothing: the slot this pipeline made is dropped again as long as nothing
     * was copied or applied from it. Only with table copies: the next start copies at a new slot's snapshot, so
     * nothing the old slot held is missed; a streaming-only pipeline keeps its slot, the changes are in it.
     */
    private void undoUnusedSlot() {
        if (!createdSlot || snapshots == null || metrics.transactionsApplied() > 0) {
            return;
        }
        try {
            if (snapshots != null && !snapshots.completedTables().isEmpty()) {
                return;
            }
            new ReplicationSlots(config.engineSource()).drop(config.slot());
            log.info("dropped replication slot {} again: this failed start had made it and used nothing from it",
                    config.slot());
        } catch (UserFacingException e) {
            log.warn("could not drop replication slot {} made by this failed start: {}", config.slot(), e.problem());
        }
    }

    /**
     * A slot that vanished while the destination already holds data from it (dropped by hand, or by a
     * provider): a new slot would start at today's position and every change in between would be missing
     * without a trace. Only copying every table again closes that gap, so it is refused unless asked for.
     */
    private void refuseSilentGap(Sink sink, List<TableId> published) {
        boolean destinationHasData = sink.durablePosition().isPresent()
                || (snapshots != null && !snapshots.completedTables().isEmpty());
        boolean copyingEverythingAgain = snapshots != null && (resnapshotAll || resnapshot.containsAll(published));
        if (destinationHasData && !copyingEverythingAgain) {
            throw SlotUnusable.gone(config.slot(), snapshots != null);
        }
    }

    private Duration retryAfter(UserFacingException e, Duration backoff) throws InterruptedException {
        log.warn("{}; retrying in {} s", e.problem(), backoff.toSeconds());
        metrics.lastProblem(e.problem(), e.fix());
        metrics.state(PipelineState.RECONNECTING);
        metrics.reconnected();
        long until = System.nanoTime() + backoff.toNanos();
        while (!stopRequested && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }
}
