package io.walbridge.app.monitor;

import io.walbridge.app.common.Problem;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.monitor.SlotDropper;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every replication slot of one source server, whoever reads it, refreshed after each poll; a source can be
 * watched by URL without running a pipeline. Dropping a slot needs its name typed back.
 */
public final class SlotsViewModel {

    private final MonitorModel model;
    private final ConnectionFactory connections;
    private final ZoneId zone;
    public final ObjectProperty<SourceWatch> source = new SimpleObjectProperty<>();
    public final ObservableList<SlotRow> rows = FXCollections.observableArrayList();
    public final StringProperty summary = new SimpleStringProperty("");
    public final StringProperty url = new SimpleStringProperty("");
    /** What went wrong with the user's last action (watch, drop, thresholds); stays until the next one. */
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** Why the shown source cannot be read right now; cleared by the next good poll. */
    public final ObjectProperty<Problem> sourceProblem = new SimpleObjectProperty<>();
    public final BooleanProperty dropping = new SimpleBooleanProperty();
    public final StringProperty maxRetained = new SimpleStringProperty("");
    public final StringProperty maxSharePercent = new SimpleStringProperty("");
    public final StringProperty maxLag = new SimpleStringProperty("");
    public final StringProperty maxInactive = new SimpleStringProperty("");

    public SlotsViewModel(MonitorModel model, ConnectionFactory connections, ZoneId zone) {
        this.model = model;
        this.connections = connections;
        this.zone = zone;
        model.ticks.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> {
            showLimits();
            refresh();
        });
        showLimits();
        if (!model.sources.isEmpty()) {
            source.set(model.sources.get(0));
        }
    }

    /** Starts watching the server named by {@link #url} (password from the URL, PGPASSWORD or ~/.pgpass). */
    public void watchUrl() {
        problem.set(null);
        try {
            SourceWatch w = model.watch(PgEndpoint.parse(url.get().trim()));
            source.set(w);
            model.tick();
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
        }
    }

    public void refresh() {
        SourceWatch w = source.get();
        if (w == null) {
            rows.clear();
            sourceProblem.set(null);
            summary.set("no source watched yet: start a pipeline, or enter a source URL and press Watch");
            return;
        }
        SourceSlots poll = w.slots.get();
        sourceProblem.set(w.problem.get());
        if (poll == null) {
            rows.clear();
            summary.set(w.endpoint().display() + ": waiting for the first poll");
            return;
        }
        summary.set(w.endpoint().display() + " · WAL at " + poll.currentLsn() + " · max_slot_wal_keep_size "
                + (poll.keepSizeLimited() ? HumanUnits.bytes(poll.maxSlotWalKeepSize()) : "unlimited") + " · "
                + poll.slots().size() + (poll.slots().size() == 1 ? " slot" : " slots") + " · read at "
                + FigureText.when(poll.takenAt(), model.clock().instant(), zone));
        rows.setAll(poll.slots().stream().map(s -> row(s, poll, model.alerts().activeFor(w.key().toString(), s.name())))
                .toList());
    }

    private SlotRow row(SlotStatus s, SourceSlots poll, List<Alert> alerts) {
        Instant now = poll.takenAt();
        boolean holds = s.retainedBytes() != null && s.retainedBytes() > 0;
        String inactive = s.active() ? "" : s.inactiveFor(now).map(d -> FigureText.when(s.inactiveSince(), now, zone))
                .orElse("inactive");
        return new SlotRow(s.name(), s.plugin() == null ? "–" : s.plugin(), s.slotType(),
                s.database() == null ? "–" : s.database(), s.active(), consumer(s),
                s.retainedBytes() == null ? "–" : HumanUnits.bytes(s.retainedBytes()),
                s.retainedBytes() == null ? 0 : s.retainedBytes(),
                s.lagBytes() == null ? "–" : HumanUnits.bytes(s.lagBytes()),
                s.walStatus() == null ? "–" : s.walStatus(), FigureText.safeWalSize(s, poll), inactive,
                !s.active() && holds, alerts.stream().map(a -> a.message() + "\n    fix: " + a.fix())
                .collect(Collectors.joining("\n")));
    }

    private static String consumer(SlotStatus s) {
        StringBuilder sb = new StringBuilder(s.active() ? "active" : "inactive");
        if (s.activePid() != null) {
            sb.append(" · pid ").append(s.activePid());
        }
        if (s.applicationName() != null && !s.applicationName().isBlank()) {
            sb.append(" · '").append(s.applicationName()).append('\'');
        }
        if (s.clientAddress() != null) {
            sb.append(" from ").append(s.clientAddress());
        }
        return sb.append(" · ").append(s.engine().displayName()).toString();
    }

    private void showLimits() {
        SourceWatch w = source.get();
        AlertThresholds t = w == null ? AlertThresholds.DEFAULTS : w.thresholds();
        maxRetained.set(HumanUnits.bytes(t.maxRetainedBytes()));
        maxSharePercent.set(String.valueOf(Math.round(t.maxShareOfKeepSize() * 100)));
        maxLag.set(durationText(t.maxLag()));
        maxInactive.set(durationText(t.maxInactive()));
    }

    /** One number and one unit, so the text parses back as it is shown. */
    private static String durationText(java.time.Duration d) {
        long s = d.getSeconds();
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "min" : s + "s";
    }

    /** Applies and saves the thresholds typed for the shown source (sizes like 10GB, durations like 5min). */
    public void applyLimits() {
        SourceWatch w = source.get();
        if (w == null) {
            return;
        }
        try {
            double share = Double.parseDouble(maxSharePercent.get().trim().replace("%", "")) / 100;
            AlertThresholds t = new AlertThresholds(HumanUnits.parseBytes(maxRetained.get()), share,
                    HumanUnits.parseDuration(maxLag.get()), HumanUnits.parseDuration(maxInactive.get()));
            model.thresholds(w, t);
            problem.set(null);
            showLimits();
        } catch (NumberFormatException e) {
            problem.set(new Problem("'" + maxSharePercent.get() + "' is not a percentage",
                    "write the share of max_slot_wal_keep_size as a number, like 50"));
        } catch (IllegalArgumentException e) {
            problem.set(new Problem("the alert thresholds were not changed: " + e.getMessage(),
                    "write sizes like 10GB or 512MB and durations like 30s, 5min or 2h"));
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
        }
    }

    /** What the confirmation dialog says: the slot, the WAL it frees, and what its consumer loses. */
    public String dropConfirmation(SlotRow row) {
        return "Drop replication slot '" + row.name() + "' on " + source.get().key() + "?\n\n"
                + "This frees about " + row.retained() + " of WAL on the source. Whatever read this slot ("
                + row.consumer().substring(row.consumer().lastIndexOf("· ") + 2) + ") can never continue from it: "
                + "it needs a new slot and a new initial copy of its tables. This cannot be undone.\n\n"
                + "Type the slot's name to confirm.";
    }

    /** Drops the slot when {@code typedName} is its name; refused for a slot a consumer is reading. */
    public void drop(SlotRow row, String typedName) {
        if (!row.name().equals(typedName == null ? "" : typedName.trim())) {
            problem.set(new Problem("slot '" + row.name() + "' was not dropped: the name typed does not match",
                    "type the slot's name exactly to confirm"));
            return;
        }
        SourceWatch w = source.get();
        dropping.set(true);
        problem.set(null);
        model.tasks().run(() -> new SlotDropper(w.endpoint(), connections).drop(row.name()), freed -> {
            dropping.set(false);
            model.alerts().note(model.clock().instant(), w.key() + ": dropped slot '" + row.name() + "', freeing about "
                    + HumanUnits.bytes(freed) + " of WAL");
            model.tick();
        }, e -> {
            dropping.set(false);
            problem.set(Problem.of(e, w.endpoint().password()));
        });
    }
}
