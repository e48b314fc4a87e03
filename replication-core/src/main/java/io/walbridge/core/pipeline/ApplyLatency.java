package io.walbridge.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Source commit → destination commit times of the most recent transactions, in a fixed ring: recording
 * never allocates, and percentiles are worked out only when someone asks (once a second at most).
 */
public final class ApplyLatency {

    /** p50 and p99 over the transactions applied in a window. */
    public record Percentiles(Duration p50, Duration p99, int samples) {
    }

    static final int CAPACITY = 4_096;

    private final long[] appliedAtMillis = new long[CAPACITY];
    private final long[] latencyMillis = new long[CAPACITY];
    private final Clock clock;
    private long count;

    /** @param clock the clock the applier records with, for {@link #within(Duration)} */
    ApplyLatency(Clock clock) {
        this.clock = clock;
    }

    /** One transaction that committed on the source at {@code sourceCommit} is now durable at the destination. */
    synchronized void record(long sourceCommitMillis, long appliedMillis) {
        int i = (int) (count % CAPACITY);
        appliedAtMillis[i] = appliedMillis;
        // the two clocks may disagree a little; a negative latency says nothing useful
        latencyMillis[i] = Math.max(0, appliedMillis - sourceCommitMillis);
        count++;
    }

    /** How many transactions were recorded so far: pass it to {@link #after(long)} later. */
    public synchronized long recorded() {
        return count;
    }

    /** Percentiles over the transactions recorded after the first {@code recordedBefore}; empty when none were. */
    public Optional<Percentiles> after(long recordedBefore) {
        return percentiles(recordedBefore, Long.MIN_VALUE);
    }

    /** Percentiles over the transactions applied within the last {@code window}; empty when there were none. */
    public Optional<Percentiles> within(Duration window) {
        return percentiles(0, clock.millis() - window.toMillis());
    }

    /** Percentiles over transactions applied since {@code since}; empty when there were none. */
    public Optional<Percentiles> since(Instant since) {
        return percentiles(0, since.toEpochMilli());
    }

    private Optional<Percentiles> percentiles(long fromIndex, long fromMillis) {
        long[] window;
        synchronized (this) {
            int n = (int) Math.min(count - Math.max(0, fromIndex), CAPACITY);
            window = new long[Math.max(0, n)];
            int taken = 0;
            for (int k = 0; k < n; k++) {
                int i = (int) ((count - 1 - k) % CAPACITY);
                if (appliedAtMillis[i] < fromMillis) {
                    break; // the ring is in applied order: everything older follows
                }
                window[taken++] = latencyMillis[i];
            }
            window = Arrays.copyOf(window, taken);
        }
        if (window.length == 0) {
            return Optional.empty();
        }
        Arrays.sort(window);
        return Optional.of(new Percentiles(Duration.ofMillis(rank(window, 0.50)), Duration.ofMillis(rank(window, 0.99)),
                window.length));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
