package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Slot values for tests that need no server: only what a test sets differs from an idle logical slot. */
final class Slots {

    private Slots() {
    }

    static SlotStatus inactive(String name, long retained, Instant inactiveSince) {
        return new SlotStatus(name, "pgoutput", "logical", "shop", false, null, null, null, Lsn.ZERO, Lsn.ZERO,
                retained, retained, "reserved", null, null, null, ConsumerEngine.UNKNOWN, inactiveSince, null);
    }

    static SlotStatus active(String name, long retained, Duration flushLag, Instant behindSince) {
        return new SlotStatus(name, "pgoutput", "logical", "shop", true, 4242, "walbridge", "10.0.0.5", Lsn.ZERO,
                Lsn.ZERO, retained, retained, "reserved", null, flushLag, null, ConsumerEngine.WALBRIDGE, null, behindSince);
    }

    static SourceSlots source(Instant at, long maxKeep, SlotStatus... slots) {
        return new SourceSlots(at, 170_000, new Lsn(1L << 32), maxKeep, List.of(slots));
    }
}
