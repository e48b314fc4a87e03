package io.walbridge.core.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A slot's WAL figures at one second (or, downsampled, the worst of several seconds).
 *
 * @param time          the second it was taken (the last second of a downsampled bucket)
 * @param retainedBytes WAL the slot held
 * @param lagBytes      WAL not yet confirmed; -1 for slots without a confirmed position (physical)
 * @param active        whether a consumer was connected (for a bucket: during all of it)
 */
public record HistoryPoint(Instant time, long retainedBytes, long lagBytes, boolean active) {

    static HistoryPoint of(SourceSlots source, SlotStatus slot) {
        // one point per second: memory and file then hold the same instants
        return new HistoryPoint(source.takenAt().truncatedTo(ChronoUnit.SECONDS),
                slot.retainedBytes() == null ? 0 : slot.retainedBytes(), slot.lagBytes() == null ? -1 : slot.lagBytes(),
                slot.active());
    }
}
