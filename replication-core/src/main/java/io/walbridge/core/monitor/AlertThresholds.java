package io.walbridge.core.monitor;

import java.time.Duration;

/**
 * When a slot's figures become alerts.
 *
 * @param maxRetainedBytes   WAL a slot may hold before it alerts, whatever the server's limit
 * @param maxShareOfKeepSize share of {@code max_slot_wal_keep_size} (when set) a slot may hold: past 100% the
 *                           server invalidates the slot, so this warns while there is still time
 * @param maxLag             how far behind (in time) a consumer may be
 * @param maxInactive        how long a slot may go without a consumer
 */
public record AlertThresholds(long maxRetainedBytes, double maxShareOfKeepSize, Duration maxLag, Duration maxInactive) {

    public static final AlertThresholds DEFAULTS =
            new AlertThresholds(10L << 30, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(30));

    public AlertThresholds {
        if (maxRetainedBytes < 0 || maxShareOfKeepSize <= 0 || maxLag.isNegative() || maxInactive.isNegative()) {
            throw new IllegalArgumentException("alert thresholds must not be negative");
        }
    }

    public AlertThresholds withMaxRetainedBytes(long bytes) {
        return new AlertThresholds(bytes, maxShareOfKeepSize, maxLag, maxInactive);
    }

    public AlertThresholds withMaxLag(Duration lag) {
        return new AlertThresholds(maxRetainedBytes, maxShareOfKeepSize, lag, maxInactive);
    }

    public AlertThresholds withMaxInactive(Duration inactive) {
        return new AlertThresholds(maxRetainedBytes, maxShareOfKeepSize, maxLag, inactive);
    }
}
