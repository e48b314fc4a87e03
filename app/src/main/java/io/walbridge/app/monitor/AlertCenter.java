package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertKind;
import io.walbridge.core.monitor.Severity;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the active alerts of every watched source and turns their changes into events: one log line and one
 * desktop notification when an alert becomes active and when it clears, never one per poll. UI thread only.
 */
public final class AlertCenter {

    /** An alert's identity across polls: its figures change every second, what it is about does not. */
    private record Key(String source, String slot, AlertKind kind) {
    }

    static final int MAX_EVENTS = 2_000;

    private final Notifier notifier;
    private final Map<Key, Alert> active = new LinkedHashMap<>();
    private final ObservableList<EventLine> events = FXCollections.observableArrayList();

    public AlertCenter(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Newest first. */
    public ObservableList<EventLine> events() {
        return events;
    }

    /** Takes the alerts active now on one source; raises what is new, clears what is gone. */
    public void update(String source, List<Alert> now, Instant at) {
        update(source, now, at, true);
    }

    /**
     * @param complete false when the source's slots could not be read: then {@code now} holds only what is
     *                 known without them (a failed pipeline), and nothing is cleared for lack of news
     */
    public void update(String source, List<Alert> now, Instant at, boolean complete) {
        Map<Key, Alert> current = new HashMap<>();
        for (Alert a : now) {
            current.putIfAbsent(new Key(source, a.slot(), a.kind()), a);
        }
        for (Map.Entry<Key, Alert> e : current.entrySet()) {
            if (!active.containsKey(e.getKey())) {
                Alert a = e.getValue();
                add(new EventLine(at, a.severity(), source + ": " + a.message(), a.fix()));
                notifier.show(a.severity(), title(a.severity(), a.slot()), a.message());
            }
            active.put(e.getKey(), e.getValue());
        }
        active.entrySet().removeIf(e -> {
            if (complete && e.getKey().source().equals(source) && !current.containsKey(e.getKey())) {
                String text = "cleared: " + describe(e.getKey().kind()) + " of slot '" + e.getKey().slot() + "'";
                add(new EventLine(at, null, source + ": " + text, ""));
                notifier.show(null, "WalBridge: slot " + e.getKey().slot() + " is fine again", text);
                return true;
            }
            return false;
        });
    }

    /** Logs a notice (pipeline started, stopped, slot dropped); no notification. */
    public void note(Instant at, String text) {
        add(new EventLine(at, null, text, ""));
    }

    /** The alerts active now for one slot of one source, most severe first. */
    public List<Alert> activeFor(String source, String slot) {
        return active.entrySet().stream().filter(e -> e.getKey().source().equals(source) && e.getKey().slot().equals(slot))
                .map(Map.Entry::getValue).sorted((a, b) -> b.severity().compareTo(a.severity())).toList();
    }

    /** Every active alert. */
    public List<Alert> active() {
        return List.copyOf(active.values());
    }

    private void add(EventLine line) {
        events.add(0, line);
        if (events.size() > MAX_EVENTS) {
            events.remove(MAX_EVENTS, events.size());
        }
    }

    private static String title(Severity s, String slot) {
        return "WalBridge " + s.name().toLowerCase(java.util.Locale.ROOT) + ": slot " + slot;
    }

    private static String describe(AlertKind kind) {
        return switch (kind) {
            case WAL_RETAINED -> "retained WAL alert";
            case LAG -> "lag alert";
            case INACTIVE -> "inactivity alert";
            case WAL_UNRESERVED -> "unreserved WAL alert";
            case SLOT_LOST -> "lost slot alert";
            case PIPELINE_FAILED -> "failed pipeline alert";
        };
    }
}
