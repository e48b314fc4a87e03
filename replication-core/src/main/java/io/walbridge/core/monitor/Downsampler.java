package io.walbridge.core.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges time-ordered points into at most {@code maxPoints} equal time buckets over {@code [from, to]}.
 * A bucket keeps the largest retention and lag it saw and counts as active only if it always was: a
 * chart of the worst case shows every spike, where an average would hide a short one.
 */
final class Downsampler {

    private final long from;
    private final long bucketSeconds;
    private final List<HistoryPoint> out = new ArrayList<>();
    private long bucket = -1;
    private HistoryPoint merged;

    Downsampler(Instant from, Instant to, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, got " + maxPoints);
        }
        this.from = from.getEpochSecond();
        long span = Math.max(1, to.getEpochSecond() - this.from + 1);
        this.bucketSeconds = (span + maxPoints - 1) / maxPoints;
    }

    /** Takes the next point; points must come in time order. */
    void accept(HistoryPoint p) {
        long b = (p.time().getEpochSecond() - from) / bucketSeconds;
        if (merged != null && b == bucket) {
            merged = new HistoryPoint(p.time(), Math.max(merged.retainedBytes(), p.retainedBytes()),
                    Math.max(merged.lagBytes(), p.lagBytes()), merged.active() && p.active());
            return;
        }
        if (merged != null) {
            out.add(merged);
        }
        bucket = b;
        merged = p;
    }

    List<HistoryPoint> result() {
        List<HistoryPoint> all = new ArrayList<>(out);
        if (merged != null) {
            all.add(merged);
        }
        return all;
    }
}
