package io.walbridge.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far behind, in time, a slot's consumer is. An idle source is never lag: with a WalBridge
 * pipeline the oldest unconsumed change is younger than both the last applied commit and the last
 * moment the slot was caught up; for other consumers the server's own flush_lag is used, which the
 * server clears once the consumer has caught up.
 */
public final class TimeBehind {

    private TimeBehind() {
    }

    /** Empty when nobody can tell (inactive slot of another program, or the first poll of an idle pipeline). */
    public static Optional<Duration> of(SlotStatus slot, Instant now, PipelineHealth pipeline) {
        if (pipeline != null) {
            Instant since = later(pipeline.lastAppliedCommit(), slot.caughtUpAt());
            return since == null ? Optional.empty() : Optional.of(positive(Duration.between(since, now)));
        }
        return slot.active() ? Optional.ofNullable(slot.flushLag()) : Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
