package io.walbridge.core.snapshot;

import io.walbridge.core.change.TableId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-table copy progress, updated by copy workers and read by the CLI and the monitor. */
public final class SnapshotProgress {

    /** One table's progress as seen at one moment. */
    public record TableStatus(TableId table, long rowsDone, long rowsEstimated, double rowsPerSecond, Duration eta,
                              boolean done) {
    }

    private final Clock clock;
    private final Map<TableId, Entry> tables = new ConcurrentHashMap<>();

    public SnapshotProgress(Clock clock) {
        this.clock = clock;
    }

    void started(TableId table, long estimatedRows) {
        tables.put(table, new Entry(clock.instant(), Math.max(estimatedRows, 0)));
    }

    void copied(TableId table, long rows) {
        Entry e = tables.get(table);
        if (e != null) {
            e.rows.addAndGet(rows);
        }
    }

    void done(TableId table, long rows) {
        Entry e = tables.get(table);
        if (e != null) {
            e.rows.set(rows);
            e.finished = clock.instant();
        }
    }

    public List<TableStatus> tables() {
        Instant now = clock.instant();
        return tables.entrySet().stream().map(en -> en.getValue().status(en.getKey(), now))
                .sorted(Comparator.comparing(TableStatus::table)).toList();
    }

    public boolean isActive() {
        return tables.values().stream().anyMatch(e -> e.finished == null);
    }

    /** One line for a terminal, e.g. {@code snapshot: 2 of 5 tables, public.orders 40% 51,000 rows/s ETA 12s}. */
    public String summaryLine() {
        List<TableStatus> all = tables();
        long done = all.stream().filter(TableStatus::done).count();
        StringBuilder sb = new StringBuilder("snapshot: ").append(done).append(" of ").append(all.size()).append(" tables done");
        for (TableStatus s : all) {
            if (!s.done()) {
                sb.append(", ").append(s.table()).append(' ').append(String.format("%,d", s.rowsDone()));
                if (s.rowsEstimated() > 0) {
                    sb.append('/').append(String.format("%,d", s.rowsEstimated()));
                }
                sb.append(String.format(" rows %,.0f rows/s", s.rowsPerSecond()));
                if (s.eta() != null) {
                    sb.append(" ETA ").append(s.eta().toSeconds()).append('s');
                }
            }
        }
        return sb.toString();
    }

    private static final class Entry {
        final Instant started;
        final long estimated;
        final AtomicLong rows = new AtomicLong();
        volatile Instant finished;

        Entry(Instant started, long estimated) {
            this.started = started;
            this.estimated = estimated;
        }

        TableStatus status(TableId table, Instant now) {
            Instant end = finished == null ? now : finished;
            double seconds = Math.max(Duration.between(started, end).toMillis(), 1) / 1000.0;
            long r = rows.get();
            double rate = r / seconds;
            Duration eta = null;
            if (finished == null && estimated > r && rate > 0) {
                eta = Duration.ofSeconds((long) ((estimated - r) / rate));
            }
            return new TableStatus(table, r, estimated, rate, eta, finished != null);
        }
    }
}
