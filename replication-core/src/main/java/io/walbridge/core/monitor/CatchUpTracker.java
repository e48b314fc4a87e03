package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per slot, the oldest poll whose WAL position the consumer has not confirmed yet. What the consumer
 * still owes was written by then, so it is at least "now minus that poll" behind; once it confirms the
 * latest poll's position it is not behind at all — which is what keeps an idle source from looking
 * like lag, however old its last commit is.
 */
final class CatchUpTracker {

    /** The server's WAL position at one poll. */
    private record Sample(Instant at, Lsn wal) {
    }

    // one sample per poll and polls at most once a second: a day of samples is the most a slot keeps
    static final int MAX_SAMPLES = 86_400;

    private final Map<String, Deque<Sample>> pending = new HashMap<>();

    /** Records this poll; returns the oldest unconfirmed poll's time, or null when the consumer has caught up. */
    Instant observe(String slot, Lsn confirmed, Lsn currentWal, Instant now) {
        if (confirmed == null || currentWal == null) {
            pending.remove(slot);
            return null;
        }
        Deque<Sample> samples = pending.computeIfAbsent(slot, s -> new ArrayDeque<>());
        samples.addLast(new Sample(now, currentWal));
        while (!samples.isEmpty() && !samples.peekFirst().wal().isAfter(confirmed)) {
            samples.pollFirst();
        }
        if (samples.size() > MAX_SAMPLES) {
            samples.pollFirst();
        }
        return samples.isEmpty() ? null : samples.peekFirst().at();
    }

    /** Forgets slots that no longer exist. */
    void retainOnly(Set<String> slots) {
        pending.keySet().retainAll(slots);
    }
}
