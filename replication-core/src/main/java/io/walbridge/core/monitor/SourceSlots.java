package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every replication slot of one source at one moment.
 *
 * @param takenAt               when the poll ran (WalBridge's clock)
 * @param serverVersion         server_version_num, e.g. 170002
 * @param currentLsn            the server's current WAL position (the replay position on a standby)
 * @param maxSlotWalKeepSize    max_slot_wal_keep_size in bytes; -1 when unlimited or older than PostgreSQL 13
 */
public record SourceSlots(Instant takenAt, int serverVersion, Lsn currentLsn, long maxSlotWalKeepSize,
                          List<SlotStatus> slots) {

    public SourceSlots {
        slots = List.copyOf(slots);
    }

    public boolean keepSizeLimited() {
        return maxSlotWalKeepSize >= 0;
    }

    public Optional<SlotStatus> slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
