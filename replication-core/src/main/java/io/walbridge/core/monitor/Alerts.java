package io.walbridge.core.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Turns one poll of a source's slots into the alerts that are active now, each with its fix. */
public final class Alerts {

    private final AlertThresholds thresholds;
    private final Function<String, Optional<PipelineHealth>> pipelines;

    /** Alerts for slots no WalBridge pipeline of this process reads. */
    public Alerts(AlertThresholds thresholds) {
        this(thresholds, slot -> Optional.empty());
    }

    /** @param pipelines per slot name, the health of the running pipeline that reads it, if any */
    public Alerts(AlertThresholds thresholds, Function<String, Optional<PipelineHealth>> pipelines) {
        this.thresholds = thresholds;
        this.pipelines = pipelines;
    }

    /** The active alerts, most severe first, then by slot name. */
    public List<Alert> evaluate(SourceSlots source) {
        List<Alert> alerts = new ArrayList<>();
        for (SlotStatus slot : source.slots()) {
            evaluate(slot, source, pipelines.apply(slot.name()).orElse(null), alerts);
        }
        alerts.sort(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::slot));
        return alerts;
    }

    private void evaluate(SlotStatus slot, SourceSlots source, PipelineHealth pipeline, List<Alert> out) {
        AlertText text = new AlertText(slot, source);
        if (pipeline != null && pipeline.failed()) {
            out.add(new Alert(slot.name(), AlertKind.PIPELINE_FAILED, Severity.CRITICAL,
                    text.pipelineFailed(pipeline.failure()), text.pipelineFix(pipeline.failureFix())));
        }
        if (slot.isLost()) {
            // nothing else about a lost slot matters: it retains nothing and can never be read again
            out.add(new Alert(slot.name(), AlertKind.SLOT_LOST, Severity.CRITICAL, text.lost(), text.lostFix()));
            return;
        }
        if ("unreserved".equals(slot.walStatus())) {
            out.add(new Alert(slot.name(), AlertKind.WAL_UNRESERVED, Severity.CRITICAL, text.unreserved(),
                    text.unreservedFix()));
        }
        retained(slot, source, text).ifPresent(out::add);
        Optional<Duration> inactive = slot.inactiveFor(source.takenAt());
        if (inactive.isPresent() && inactive.get().compareTo(thresholds.maxInactive()) > 0) {
            out.add(new Alert(slot.name(), AlertKind.INACTIVE, Severity.WARNING, text.inactive(inactive.get()),
                    text.startOrDrop()));
        }
        Optional<Duration> behind = TimeBehind.of(slot, source.takenAt(), pipeline);
        if (behind.isPresent() && behind.get().compareTo(thresholds.maxLag()) > 0) {
            out.add(new Alert(slot.name(), AlertKind.LAG, Severity.WARNING, text.lag(behind.get()), text.slowFix()));
        }
    }

    private Optional<Alert> retained(SlotStatus slot, SourceSlots source, AlertText text) {
        Long retained = slot.retainedBytes();
        if (retained == null) {
            return Optional.empty();
        }
        long keep = source.maxSlotWalKeepSize();
        boolean overShare = source.keepSizeLimited() && retained > thresholds.maxShareOfKeepSize() * keep;
        if (!overShare && retained <= thresholds.maxRetainedBytes()) {
            return Optional.empty();
        }
        // near max_slot_wal_keep_size the server is about to invalidate the slot: that is data loss downstream
        String limit = overShare
                ? String.format(Locale.ROOT, "%.0f%% of max_slot_wal_keep_size (%s); at 100%% the server"
                + " invalidates the slot", 100.0 * retained / keep, HumanUnits.bytes(keep))
                : "more than the alert limit of " + HumanUnits.bytes(thresholds.maxRetainedBytes());
        return Optional.of(new Alert(slot.name(), AlertKind.WAL_RETAINED, overShare ? Severity.CRITICAL : Severity.WARNING,
                text.retained(limit), slot.active() ? text.slowFix() : text.startOrDrop()));
    }
}
