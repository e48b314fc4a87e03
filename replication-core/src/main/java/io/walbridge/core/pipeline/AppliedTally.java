package io.walbridge.core.pipeline;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableId;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The applier's count of what it handed to the sink but the sink has not yet reported durable. Only
 * once the destination committed do the counts reach {@link PipelineMetrics}, so the monitor never shows
 * a change that a crash could still undo. Owned by the applier thread alone; after warm-up it allocates
 * nothing per change (one small array per table, kept).
 */
final class AppliedTally {

    private static final int INSERTS = 0;
    private static final int UPDATES = 1;
    private static final int DELETES = 2;
    private static final int LAST_COMMIT = 3;
    private static final int TOUCHED = 4;

    private final Map<TableId, long[]> pending = new HashMap<>();
    private final Clock clock;
    private long[] commitMillis = new long[64];
    private int commits;
    private long changes;
    private long transactions;
    private long bytes;
    private long lastCommitMillis;

    AppliedTally(Clock clock) {
        this.clock = clock;
    }

    /** Counts a batch just handed to the sink. */
    void add(Iterable<SourceEvent> applied) {
        long commitTime = 0;
        for (SourceEvent e : applied) {
            if (e instanceof SourceEvent.Begin b) {
                commitTime = b.commitTime() == null ? 0 : b.commitTime().toEpochMilli();
            } else if (e instanceof SourceEvent.Commit c) {
                transactions++;
                if (c.commitTime() != null) {
                    if (commits == commitMillis.length) {
                        commitMillis = Arrays.copyOf(commitMillis, commits * 2);
                    }
                    commitMillis[commits++] = c.commitTime().toEpochMilli();
                    lastCommitMillis = c.commitTime().toEpochMilli();
                }
            } else if (e instanceof Change.Insert i) {
                count(i.table().id(), INSERTS, commitTime, i.newRow().estimatedBytes());
            } else if (e instanceof Change.Update u) {
                count(u.table().id(), UPDATES, commitTime, u.newRow().estimatedBytes()
                        + (u.oldRow() == null ? 0 : u.oldRow().estimatedBytes()));
            } else if (e instanceof Change.Delete d) {
                count(d.table().id(), DELETES, commitTime, d.oldRow().estimatedBytes());
            } else if (e instanceof Change.Truncate t) {
                changes++;
                t.tables().forEach(s -> touch(s.id()));
            }
        }
    }

    private void count(TableId table, int kind, long commitTime, long rowBytes) {
        long[] c = touch(table);
        c[kind]++;
        c[LAST_COMMIT] = Math.max(c[LAST_COMMIT], commitTime);
        changes++;
        bytes += rowBytes;
    }

    private long[] touch(TableId table) {
        long[] c = pending.computeIfAbsent(table, t -> new long[5]);
        c[TOUCHED] = 1;
        return c;
    }

    /** The sink reported everything handed to it durable: publish the counts and the commit latencies. */
    void durable(PipelineMetrics metrics, Lsn position) {
        long now = clock.millis();
        for (int i = 0; i < commits; i++) {
            metrics.latency().record(commitMillis[i], now);
        }
        for (Map.Entry<TableId, long[]> e : pending.entrySet()) {
            long[] c = e.getValue();
            if (c[TOUCHED] != 0) {
                metrics.table(e.getKey()).add(c[INSERTS], c[UPDATES], c[DELETES], c[LAST_COMMIT]);
            }
        }
        metrics.applied(changes, transactions, bytes, position,
                lastCommitMillis == 0 ? null : Instant.ofEpochMilli(lastCommitMillis));
        reset();
    }

    /** The sink refused the batch: every table in it (or waiting to commit with it) gets an error, nothing is counted. */
    void failed(PipelineMetrics metrics, Iterable<SourceEvent> batch) {
        for (SourceEvent e : batch) {
            if (e instanceof Change.Truncate t) {
                t.tables().forEach(s -> touch(s.id()));
            } else if (e instanceof Change c) {
                touch(c.table().id());
            }
        }
        for (Map.Entry<TableId, long[]> e : pending.entrySet()) {
            if (e.getValue()[TOUCHED] != 0) {
                metrics.table(e.getKey()).error();
            }
        }
        reset();
    }

    private void reset() {
        pending.values().forEach(c -> Arrays.fill(c, 0));
        commits = 0;
        changes = 0;
        transactions = 0;
        bytes = 0;
        lastCommitMillis = 0;
    }
}
