package io.walbridge.core.pipeline;

import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.ExportedSnapshot;
import io.walbridge.core.snapshot.SnapshotProgress;
import io.walbridge.core.snapshot.SnapshotTarget;
import io.walbridge.core.snapshot.Snapshotter;
import io.walbridge.core.snapshot.TxidSnapshot;
import io.walbridge.core.source.SourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which tables need copying (never copied, copy interrupted, or asked for again), copies
 * them, and hands the stream a filter that knows what each copy already contains.
 */
final class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final PipelineConfig config;
    private final SnapshotTarget target;
    private final Snapshotter snapshotter;
    private final SourceCatalog catalog;

    Backfill(PipelineConfig config, SnapshotTarget target, SnapshotProgress progress) {
        this.config = config;
        this.target = target;
        this.snapshotter = new Snapshotter(config.engineSource(), target, config.snapshotWorkers(), progress);
        this.catalog = new SourceCatalog(config.engineSource());
    }

    /**
     * Copies what is missing, at {@code exported} when the slot was just created (its snapshot is
     * exactly where the stream starts), else at a snapshot taken now.
     */
    SnapshotFilter prepare(ExportedSnapshot exported, Collection<TableId> again, Runnable onCopyStart)
            throws InterruptedException {
        try (ExportedSnapshot held = exported) {
            for (TableId t : again) {
                target.forgetTable(t);
            }
            Map<TableId, TxidSnapshot> done = new HashMap<>(target.completedTables());
            List<TableId> published = catalog.publicationTables(config.publication());
            forgetUnpublished(done, published);
            List<TableId> missing = new ArrayList<>();
            for (TableId t : published) {
                if (!done.containsKey(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                onCopyStart.run();
                log.info("copying {} table(s) with {} worker(s)", missing.size(), config.snapshotWorkers());
                try (ExportedSnapshot snapshot = held != null ? held : snapshotter.exportNow()) {
                    done.putAll(snapshotter.copy(missing, snapshot));
                }
            }
            return new SnapshotFilter(done, this::copyNow);
        }
    }

    /**
     * A table that left the publication (removed from it, or dropped) no longer streams: its destination copy
     * stays as it was, and its copy record is forgotten, so that if it is published again it is copied again
     * instead of resuming a stream that missed everything in between.
     */
    private void forgetUnpublished(Map<TableId, TxidSnapshot> done, List<TableId> published) {
        for (TableId t : List.copyOf(done.keySet())) {
            if (!published.contains(t)) {
                log.warn("{} is no longer in publication {}: its destination table is kept as it is and no longer"
                        + " updated; if it is published again it will be copied again", t, config.publication());
                target.forgetTable(t);
                done.remove(t);
            }
        }
    }

    /** Copies one table at a snapshot taken now (a table new to the publication, or a re-snapshot). */
    TxidSnapshot copyNow(TableId table) {
        target.forgetTable(table);
        try (ExportedSnapshot snapshot = snapshotter.exportNow()) {
            return snapshotter.copy(List.of(table), snapshot).get(table);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying " + table, e);
        }
    }
}
