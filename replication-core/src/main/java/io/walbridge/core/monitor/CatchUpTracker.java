package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per slot, the latest poll whose WAL position the consumer has since confirmed. Everything written
 * before that moment has been consumed, so the consumer is at most "now minus that moment" behind —
 * and an idle source, whose consumer keeps confirming the (unmoving) end of WAL, is not behind at all.
 */
final class CatchUpTracker {

    /** The server's WAL position at one poll. */
    private record Sample(Instant at, Lsn wal) {
    }

    // one sample per poll and polls at most once a second: a day of samples is the most a slot keeps
    static final int MAX_SAMPLES = 86_400;

    private final Map<String, Deque<Sample>> pending = new HashMap<>();
    private final Map<String, Instant> caughtUp = new HashMap<>();

    /** Records this poll and returns when the slot was last known caught up; null when not yet known. */
    Instant observe(String slot, Lsn confirmed, Lsn currentWal, Instant now) {
        if (confirmed == null || currentWal == null) {
            return null;
        }
        Deque<Sample> samples = pending.computeIfAbsent(slot, s -> new ArrayDeque<>());
        samples.addLast(new Sample(now, currentWal));
        while (!samples.isEmpty() && !samples.peekFirst().wal().isAfter(confirmed)) {
            caughtUp.put(slot, samples.pollFirst().at());
        }
        if (samples.size() > MAX_SAMPLES) {
            samples.pollFirst();
        }
        return caughtUp.get(slot);
    }

    /** Forgets slots that no longer exist. */
    void retainOnly(Set<String> slots) {
        pending.keySet().retainAll(slots);
        caughtUp.keySet().retainAll(slots);
    }
}
