package io.walbridge.app.monitor;

import java.time.Duration;

/** How much time the charts span: the live quarter hour, or a longer stretch read back from disk. */
public enum ChartRange {
    LIVE_15_MIN("Last 15 minutes", Duration.ofMinutes(15)),
    HOUR("1 hour", Duration.ofHours(1)),
    SIX_HOURS("6 hours", Duration.ofHours(6)),
    DAY("24 hours", Duration.ofHours(24));

    private final String label;
    private final Duration span;

    ChartRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    public Duration span() {
        return span;
    }

    @Override
    public String toString() {
        return label;
    }
}
