package io.walbridge.app.monitor;

/**
 * A table being copied, for a progress bar.
 *
 * @param fraction 0..1, or -1 when the row estimate is unknown (an indeterminate bar)
 * @param detail   e.g. {@code 40,000 of ~100,000 rows · 51,000 rows/s · ETA 2 s}
 */
public record CopyProgress(String table, double fraction, String detail) {
}
