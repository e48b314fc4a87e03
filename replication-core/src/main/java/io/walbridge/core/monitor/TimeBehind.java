package io.walbridge.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far behind, in time, a slot's consumer is. An idle source is never lag. With a WalBridge
 * pipeline: zero once the slot confirmed the latest poll's WAL position, else the time since the
 * oldest unconfirmed poll — or since the last applied commit, if that is later (the pipeline applies
 * before it confirms). For other consumers the server's own flush_lag, which the server clears once
 * the consumer has caught up.
 */
public final class TimeBehind {

    private TimeBehind() {
    }

    /** Empty when nobody can tell (e.g. an inactive slot of another program). */
    public static Optional<Duration> of(SlotStatus slot, Instant now, PipelineHealth pipeline) {
        if (pipeline != null) {
            if (slot.behindSince() == null) {
                return slot.confirmedFlushLsn() == null ? Optional.empty() : Optional.of(Duration.ZERO);
            }
            Instant since = later(pipeline.lastAppliedCommit(), slot.behindSince());
            return Optional.of(positive(Duration.between(since, now)));
        }
        return slot.active() ? Optional.ofNullable(slot.flushLag()) : Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a != null && a.isAfter(b) ? a : b;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
