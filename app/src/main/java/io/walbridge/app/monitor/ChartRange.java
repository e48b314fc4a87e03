package io.walbridge.app.monitor;

import java.time.Duration;

/** How much time the charts span: the live quarter hour, or a longer stretch read back from disk. */
public enum ChartRange {
    LIVE_2_MIN("Last 2 minutes (live)", Duration.ofMinutes(2)),
    LIVE_15_MIN("Last 15 minutes (live)", Duration.ofMinutes(15)),
    HOUR("1 hour", Duration.ofHours(1)),
    SIX_HOURS("6 hours", Duration.ofHours(6)),
    DAY("24 hours", Duration.ofHours(24));

    private final String label;
    private final Duration span;

    ChartRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    /** Fed by the in-memory quarter hour, one new point a second; the others are read back from disk. */
    public boolean live() {
        return span.compareTo(Duration.ofMinutes(15)) <= 0;
    }

    public Duration span() {
        return span;
    }

    @Override
    public String toString() {
        return label;
    }
}
