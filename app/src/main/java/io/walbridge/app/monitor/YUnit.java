package io.walbridge.app.monitor;

import io.walbridge.core.monitor.HumanUnits;

/** What a chart's values mean, and so how its axis labels read: {@code 1.2 MB/s}, {@code 3 min}, {@code 40 ms}. */
enum YUnit {
    PER_SECOND, BYTES_PER_SECOND, BYTES, SECONDS, MILLIS;

    String label(double value) {
        long v = Math.round(value);
        return switch (this) {
            case PER_SECOND -> FigureText.count(v) + "/s";
            case BYTES_PER_SECOND -> HumanUnits.bytes(v) + "/s";
            case BYTES -> HumanUnits.bytes(v);
            case SECONDS -> FigureText.seconds(v);
            case MILLIS -> FigureText.millis(v);
        };
    }
}
