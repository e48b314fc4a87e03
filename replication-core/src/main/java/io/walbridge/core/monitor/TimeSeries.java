package io.walbridge.core.monitor;

import java.time.Instant;
import java.util.List;

/** A bounded series of one slot's points, at most one per second, read back downsampled for a chart. */
public interface TimeSeries {

    /** Stores the point; a second point in the same second replaces the first. */
    void add(HistoryPoint point);

    /** The points in {@code [from, to]}, in time order, merged into at most {@code maxPoints}. */
    List<HistoryPoint> points(Instant from, Instant to, int maxPoints);
}
