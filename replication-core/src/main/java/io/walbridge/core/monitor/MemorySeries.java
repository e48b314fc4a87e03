package io.walbridge.core.monitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent points of one slot in memory, for live charts; the oldest go when it is full. */
public final class MemorySeries implements TimeSeries {

    private final int capacity;
    private final Deque<HistoryPoint> points = new ArrayDeque<>();

    public MemorySeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void add(HistoryPoint point) {
        HistoryPoint newest = points.peekLast();
        if (newest != null && newest.time().getEpochSecond() == point.time().getEpochSecond()) {
            points.pollLast();
        } else if (newest != null && point.time().isBefore(newest.time())) {
            // the series is in time order; a point from the past (clock stepped back) starts it again
            points.clear();
        }
        points.addLast(point);
        while (points.size() > capacity) {
            points.pollFirst();
        }
    }

    @Override
    public synchronized List<HistoryPoint> points(Instant from, Instant to, int maxPoints) {
        Downsampler d = new Downsampler(from, to, maxPoints);
        for (HistoryPoint p : points) {
            if (!p.time().isBefore(from) && !p.time().isAfter(to)) {
                d.accept(p);
            }
        }
        return d.result();
    }

    /** The oldest point held, or null when empty. */
    public synchronized Instant oldest() {
        HistoryPoint p = points.peekFirst();
        return p == null ? null : p.time();
    }

    public synchronized int size() {
        return points.size();
    }
}
