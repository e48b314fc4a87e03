package io.walbridge.app.monitor;

import java.util.ArrayDeque;
import java.util.List;

/** The newest points of a live chart, at most a fixed number: memory stays flat however long the app runs. */
final class LiveWindow<T> {

    /** 15 minutes at one point per second. */
    static final int POINTS = 900;

    private final ArrayDeque<T> points = new ArrayDeque<>();
    private final int capacity;

    LiveWindow(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(T point) {
        points.addLast(point);
        while (points.size() > capacity) {
            points.pollFirst();
        }
    }

    synchronized List<T> all() {
        return List.copyOf(points);
    }

    synchronized T newest() {
        return points.peekLast();
    }
}
