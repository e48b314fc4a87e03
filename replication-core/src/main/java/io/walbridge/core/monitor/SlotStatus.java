package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One replication slot as one poll saw it. Fields the server did not report (older versions, missing
 * privileges, physical slots, unused slots) are null.
 *
 * @param retainedBytes       WAL the server keeps for this slot: current WAL position minus restart_lsn
 * @param lagBytes            WAL written but not yet confirmed by the consumer (logical slots only)
 * @param walStatus           reserved, extended, unreserved or lost (PostgreSQL 13+)
 * @param safeWalSize         bytes that can still be written before the slot is lost; null when unlimited
 * @param flushLag            the server's own measure of how far behind the consumer's confirmations are;
 *                            null when it is idle and caught up
 * @param serverInactiveSince the server's inactive_since (PostgreSQL 17+)
 * @param inactiveSince       since when WalBridge (or, earlier, the server) has seen the slot without consumer
 * @param behindSince         the oldest poll whose WAL position the consumer has not confirmed yet; null once
 *                            it has confirmed the latest poll's (or for a slot without confirmed position)
 */
public record SlotStatus(String name, String plugin, String slotType, String database, boolean active,
                         Integer activePid, String applicationName, String clientAddress,
                         Lsn restartLsn, Lsn confirmedFlushLsn, Long retainedBytes, Long lagBytes,
                         String walStatus, Long safeWalSize, Duration flushLag, Instant serverInactiveSince,
                         ConsumerEngine engine, Instant inactiveSince, Instant behindSince) {

    public boolean isLogical() {
        return "logical".equals(slotType);
    }

    public boolean isLost() {
        return "lost".equals(walStatus);
    }

    /** How long the slot has been without a consumer at {@code now}; empty while it is active. */
    public Optional<Duration> inactiveFor(Instant now) {
        if (active || inactiveSince == null) {
            return Optional.empty();
        }
        Duration d = Duration.between(inactiveSince, now);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }

    /** The same slot with what WalBridge adds to the server's figures. */
    public SlotStatus withTracking(ConsumerEngine consumer, Instant inactive, Instant behind) {
        return new SlotStatus(name, plugin, slotType, database, active, activePid, applicationName, clientAddress,
                restartLsn, confirmedFlushLsn, retainedBytes, lagBytes, walStatus, safeWalSize, flushLag,
                serverInactiveSince, consumer, inactive, behind);
    }
}
