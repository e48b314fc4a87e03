package io.walbridge.app.monitor;

import io.walbridge.app.common.Problem;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.Alerts;
import io.walbridge.core.monitor.InactivityTracker;
import io.walbridge.core.monitor.PipelineHealth;
import io.walbridge.core.monitor.SlotHistory;
import io.walbridge.core.monitor.SlotMonitor;
import io.walbridge.core.monitor.SourceKey;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One source server as the monitor watches it: one connection, one statement for all slots per poll, shared
 * by every pipeline of that server and by the slots view. Polls run in the background; the properties change
 * on the UI thread.
 */
public final class SourceWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceWatch.class);

    /** What one background poll produced: the slots (or why they could not be read) and the alerts. */
    record Poll(Instant at, SourceSlots slots, Throwable failure, List<Alert> alerts) {
    }

    private final SourceKey key;
    private final PgEndpoint endpoint;
    private final SlotMonitor monitor;
    private final SlotHistory history;
    private volatile AlertThresholds thresholds;
    public final ObjectProperty<SourceSlots> slots = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private boolean busy;

    SourceWatch(PgEndpoint endpoint, Path stateDir, Clock clock, ConnectionFactory connections, AlertThresholds thresholds) {
        this.key = SourceKey.of(endpoint);
        this.endpoint = endpoint;
        this.thresholds = thresholds;
        this.monitor = new SlotMonitor(endpoint, clock, InactivityTracker.persistent(stateDir, endpoint),
                io.walbridge.core.monitor.ConsumerRecognizer.DEFAULT, connections);
        this.history = openHistory(stateDir, endpoint);
    }

    private static SlotHistory openHistory(Path stateDir, PgEndpoint endpoint) {
        try {
            return SlotHistory.forSource(stateDir, endpoint);
        } catch (RuntimeException e) {
            LOG.warn("slot history unavailable for {}: {}", endpoint.display(), e.getMessage());
            return null;
        }
    }

    public SourceKey key() {
        return key;
    }

    public PgEndpoint endpoint() {
        return endpoint;
    }

    /** The day of slot history on disk; null when it could not be opened. */
    public SlotHistory history() {
        return history;
    }

    public AlertThresholds thresholds() {
        return thresholds;
    }

    /** New thresholds apply from the next poll. */
    void thresholds(AlertThresholds t) {
        thresholds = t;
    }

    boolean busy() {
        return busy;
    }

    void busy(boolean b) {
        busy = b;
    }

    /**
     * Background: reads the slots once, records them, samples every pipeline of this source, and works out the
     * alerts. A source that cannot be read still gets its pipelines sampled.
     */
    Poll poll(List<PipelineMonitor> readers, Instant now) {
        SourceSlots read = null;
        Throwable failure = null;
        try {
            read = monitor.poll();
            if (history != null) {
                history.record(read);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (PipelineMonitor r : readers) {
            r.sample(read, now);
        }
        List<Alert> alerts = List.of();
        if (read != null) {
            Map<String, PipelineHealth> health = readers.stream().collect(Collectors.toMap(PipelineMonitor::slotName,
                    r -> PipelineHealth.of(r.running().pipeline().metrics()), (a, b) -> a.failed() ? a : b));
            Function<String, Optional<PipelineHealth>> bySlot = slot -> Optional.ofNullable(health.get(slot));
            alerts = new Alerts(thresholds, bySlot).evaluate(read);
        }
        return new Poll(now, read, failure, alerts);
    }

    @Override
    public void close() {
        monitor.close();
        if (history != null) {
            history.close();
        }
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
