package io.walbridge.core.pipeline;

import io.walbridge.core.change.TableId;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind one {@link TableCounts}: written by the applier, read by the monitor. */
final class TableCounters {

    private final TableId table;
    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();
    private final AtomicLong lastChangeMillis = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    TableCounters(TableId table) {
        this.table = table;
    }

    void add(long ins, long upd, long del, long lastCommitMillis) {
        inserts.addAndGet(ins);
        updates.addAndGet(upd);
        deletes.addAndGet(del);
        lastChangeMillis.accumulateAndGet(lastCommitMillis, Math::max);
    }

    void error() {
        errors.incrementAndGet();
    }

    TableCounts snapshot() {
        long last = lastChangeMillis.get();
        return new TableCounts(table, inserts.get(), updates.get(), deletes.get(),
                last == 0 ? null : Instant.ofEpochMilli(last), errors.get());
    }
}
