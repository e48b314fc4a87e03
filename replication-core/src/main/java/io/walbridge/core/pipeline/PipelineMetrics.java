package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of one pipeline, written by its threads and read by the CLI and the monitor. */
public final class PipelineMetrics {

    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.STARTING);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicReference<String> failureFix = new AtomicReference<>();
    private final AtomicLong messagesRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong changesApplied = new AtomicLong();
    private final AtomicLong transactionsApplied = new AtomicLong();
    private final AtomicLong receivedLsn = new AtomicLong();
    private final AtomicLong appliedLsn = new AtomicLong();
    private final AtomicLong confirmedLsn = new AtomicLong();
    private final AtomicReference<Instant> lastSourceCommit = new AtomicReference<>();
    private final AtomicLong reconnects = new AtomicLong();

    public PipelineState state() {
        return state.get();
    }

    void state(PipelineState s) {
        state.set(s);
    }

    void failed(String reason, String fix) {
        failure.set(reason);
        failureFix.set(fix);
        state.set(PipelineState.FAILED);
    }

    /** Why the pipeline failed (or last had to reconnect); null when it never did. */
    public String failure() {
        return failure.get();
    }

    public String failureFix() {
        return failureFix.get();
    }

    void lastProblem(String reason, String fix) {
        failure.set(reason);
        failureFix.set(fix);
    }

    void read(int bytes, Lsn position) {
        messagesRead.incrementAndGet();
        bytesRead.addAndGet(bytes);
        receivedLsn.accumulateAndGet(position.value(), Math::max);
    }

    void applied(long changes, long transactions, Lsn durable, Instant commitTime) {
        changesApplied.addAndGet(changes);
        transactionsApplied.addAndGet(transactions);
        if (durable != null) {
            appliedLsn.accumulateAndGet(durable.value(), Math::max);
        }
        if (commitTime != null) {
            lastSourceCommit.set(commitTime);
        }
    }

    void confirmed(Lsn lsn) {
        confirmedLsn.accumulateAndGet(lsn.value(), Math::max);
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    public long messagesRead() {
        return messagesRead.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public long changesApplied() {
        return changesApplied.get();
    }

    public long transactionsApplied() {
        return transactionsApplied.get();
    }

    public Lsn receivedLsn() {
        return new Lsn(receivedLsn.get());
    }

    public Lsn appliedLsn() {
        return new Lsn(appliedLsn.get());
    }

    public Lsn confirmedLsn() {
        return new Lsn(confirmedLsn.get());
    }

    /** Source commit time of the newest applied transaction; null before the first. */
    public Instant lastSourceCommitTime() {
        return lastSourceCommit.get();
    }

    public long reconnects() {
        return reconnects.get();
    }
}
