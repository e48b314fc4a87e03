package io.walbridge.app.monitor;

import javafx.scene.chart.ValueAxis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A time axis over epoch seconds with ticks on round local times (every 15 s, 1 min, 5 min, 1 h, 3 h …),
 * so a scrolling chart reads 14:05, 14:10, 14:15 rather than 14:03:27, 14:08:27. Its bounds are set by the
 * caller; it never ranges itself.
 */
final class TimeAxis extends ValueAxis<Number> {

    private static final long[] STEPS = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final double LABEL_WIDTH = 80;

    private final ZoneId zone;
    private long step = 60;

    TimeAxis(ZoneId zone) {
        this.zone = zone;
        setAutoRanging(false);
        setMinorTickVisible(false);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        double span = Math.max(1, r[1] - r[0]);
        int fit = Math.max(2, (int) (length / LABEL_WIDTH));
        step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (span / s <= fit) {
                step = s;
                break;
            }
        }
        // round to the local clock: with a zone 5:30 ahead of UTC, hourly ticks fall on the local hour
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond((long) r[0])).getTotalSeconds();
        long first = Math.floorDiv((long) Math.ceil(r[0]) + offset + step - 1, step) * step - offset;
        List<Number> ticks = new ArrayList<>();
        for (long t = first; t <= r[1]; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        // bounds come from the view-model through bindings; ValueAxis works out the scale on layout
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return (step < 60 ? SECONDS : MINUTES).format(Instant.ofEpochSecond(value.longValue()).atZone(zone));
    }
}
