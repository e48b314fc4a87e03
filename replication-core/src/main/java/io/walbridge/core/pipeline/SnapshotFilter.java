package io.walbridge.core.pipeline;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.snapshot.TxidSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where backfill meets the stream: drops a change when the table's copy already saw its transaction,
 * and has a table copied the first time the stream mentions one that was never copied.
 */
final class SnapshotFilter {

    private final Map<TableId, TxidSnapshot> copies = new ConcurrentHashMap<>();
    private final Function<TableId, TxidSnapshot> copyNow;
    private long xid;

    /** @param copyNow copies a table at a fresh snapshot and returns that snapshot */
    SnapshotFilter(Map<TableId, TxidSnapshot> copies, Function<TableId, TxidSnapshot> copyNow) {
        this.copies.putAll(copies);
        this.copyNow = copyNow;
    }

    void copied(TableId table, TxidSnapshot snapshot) {
        copies.put(table, snapshot);
    }

    List<SourceEvent> filter(List<SourceEvent> batch) {
        List<SourceEvent> out = new ArrayList<>(batch.size());
        for (SourceEvent e : batch) {
            if (e instanceof SourceEvent.Begin b) {
                xid = b.xid();
                out.add(e);
            } else if (e instanceof Change.Truncate t) {
                List<TableSchema> keep = t.tables().stream().filter(s -> !seenByCopy(s.id())).toList();
                if (!keep.isEmpty()) {
                    out.add(keep.size() == t.tables().size() ? t : new Change.Truncate(keep, t.cascade(), t.restartIdentity()));
                }
            } else if (e instanceof Change c) {
                if (!seenByCopy(c.table().id())) {
                    out.add(e);
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private boolean seenByCopy(TableId table) {
        TxidSnapshot s = copies.get(table);
        if (s == null) {
            // a table that joined the publication after the start: copy it now, at this point in the stream
            s = copyNow.apply(table);
            copies.put(table, s);
        }
        return s.sees(xid);
    }
}
