package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of one pipeline, written by its threads and read by the CLI and the monitor. */
public final class PipelineMetrics {

    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.STARTING);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicReference<String> failureFix = new AtomicReference<>();
    private final AtomicLong messagesRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong changesRead = new AtomicLong();
    private final AtomicLong changesApplied = new AtomicLong();
    private final AtomicLong bytesApplied = new AtomicLong();
    private final ConcurrentHashMap<TableId, TableCounters> tables = new ConcurrentHashMap<>();
    private final ApplyLatency latency = new ApplyLatency(java.time.Clock.systemUTC());
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

    void changeRead() {
        changesRead.incrementAndGet();
    }

    /** Counts what the destination now durably holds, up to {@code durable}. */
    void applied(long changes, long transactions, long rowBytes, Lsn durable, Instant commitTime) {
        changesApplied.addAndGet(changes);
        transactionsApplied.addAndGet(transactions);
        bytesApplied.addAndGet(rowBytes);
        appliedLsn.accumulateAndGet(durable.value(), Math::max);
        if (commitTime != null) {
            lastSourceCommit.set(commitTime);
        }
    }

    TableCounters table(TableId table) {
        return tables.computeIfAbsent(table, TableCounters::new);
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

    /** Row changes (insert, update, delete, truncate) decoded from the source. */
    public long changesRead() {
        return changesRead.get();
    }

    /** Row data the destination durably holds, as decoded (new and old row values), in bytes. */
    public long bytesApplied() {
        return bytesApplied.get();
    }

    /** Per table, what the destination durably holds; tables in name order. */
    public List<TableCounts> tables() {
        return tables.values().stream().map(TableCounters::snapshot).sorted(Comparator.comparing(TableCounts::table)).toList();
    }

    /** Source commit → destination commit of recent transactions. */
    public ApplyLatency latency() {
        return latency;
    }

    /** Changes the destination durably holds. */
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
