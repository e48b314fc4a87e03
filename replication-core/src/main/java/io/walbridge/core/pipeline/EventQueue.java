package io.walbridge.core.pipeline;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.SourceEvent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The hand-over between reader and applier, bounded in estimated bytes so memory does not grow with load. */
final class EventQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<SourceEvent> events = new ArrayDeque<>();
    /** Each queued event's size, in queue order (a ring of primitives: no boxing per event). */
    private long[] sizes = new long[1024];
    private int sizesHead;
    private final long capacityBytes;
    private long bytes;

    EventQueue(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    static long sizeOf(SourceEvent e) {
        if (e instanceof Change.Insert i) {
            return 64 + i.newRow().estimatedBytes();
        } else if (e instanceof Change.Update u) {
            return 64 + u.newRow().estimatedBytes() + (u.oldRow() == null ? 0 : u.oldRow().estimatedBytes());
        } else if (e instanceof Change.Delete d) {
            return 64 + d.oldRow().estimatedBytes();
        }
        return 64;
    }

    /** Adds an event, waiting up to {@code timeout} for room; false when there was none. */
    boolean offer(SourceEvent e, Duration timeout) throws InterruptedException {
        long size = sizeOf(e);
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            // one oversized event is let in alone so a single huge row cannot block the pipeline forever
            while (bytes > 0 && bytes + size > capacityBytes) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            if (events.size() == sizes.length) {
                growSizes();
            }
            sizes[(sizesHead + events.size()) % sizes.length] = size;
            events.add(e);
            bytes += size;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next batch: waits up to {@code idleWait} for a first event, then gathers until a limit is
     * reached, or the queue runs dry at a commit, or {@code maxDelay} has passed.
     */
    List<SourceEvent> takeBatch(BatchPolicy policy, Duration idleWait) throws InterruptedException {
        List<SourceEvent> out = new ArrayList<>();
        long batchBytes = 0;
        lock.lock();
        try {
            long nanos = idleWait.toNanos();
            while (events.isEmpty()) {
                if (nanos <= 0) {
                    return out;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            long deadline = System.nanoTime() + policy.maxDelay().toNanos();
            while (out.size() < policy.maxEvents() && batchBytes < policy.maxBytes()) {
                if (events.isEmpty()) {
                    if (out.get(out.size() - 1) instanceof SourceEvent.Commit) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    notEmpty.await(left, TimeUnit.NANOSECONDS);
                    continue;
                }
                out.add(events.poll());
                long size = sizes[sizesHead];
                sizesHead = (sizesHead + 1) % sizes.length;
                bytes -= size;
                batchBytes += size;
            }
            notFull.signalAll();
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void growSizes() {
        long[] bigger = new long[sizes.length * 2];
        for (int i = 0; i < events.size(); i++) {
            bigger[i] = sizes[(sizesHead + i) % sizes.length];
        }
        sizes = bigger;
        sizesHead = 0;
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return events.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
