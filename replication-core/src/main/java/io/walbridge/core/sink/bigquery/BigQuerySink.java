package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Table;
import io.walbridge.core.change.Change;
import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.source.SourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes source transactions into a BigQuery dataset through the Storage Write API. Tables with a primary key
 * are current-state CDC tables (UPSERT/DELETE ordered by {@link ChangeSequence}), so writing a change twice
 * changes nothing; the others get one row per change with a deterministic change id. A position is reported
 * durable only after BigQuery acknowledged every row up to it and the checkpoint row saying so.
 */
public final class BigQuerySink implements Sink {

    private static final Logger log = LoggerFactory.getLogger(BigQuerySink.class);

    private final BigQueryClients clients;
    private final DatasetCatalog catalog;
    private final TableSetup setup;
    private final CheckpointRows checkpoint;
    private final SourceCatalog source;
    private final SourceTypes types;
    private final Map<TableId, TableRows> tables = new HashMap<>();
    private final Map<TableId, List<Column>> shapes = new HashMap<>();
    private final Map<TableId, List<String>> keys = new HashMap<>();

    private Lsn durable;
    private boolean inTransaction;
    private boolean skipping;
    private Lsn commitLsn;
    private Instant commitTime;
    private long position;
    private Lsn pendingEnd;
    private Instant pendingCommitTime;

    /** @param source where table definitions (primary keys) and type definitions are read */
    public BigQuerySink(BigQueryTarget target, String pipeline, SourceCatalog source, SourceTypes types) {
        this.clients = BigQueryClients.open(target);
        try {
            this.catalog = new DatasetCatalog(clients);
            this.setup = new TableSetup(catalog);
            this.source = source;
            this.types = types;
            catalog.ensureDataset();
            this.checkpoint = new CheckpointRows(clients, catalog, pipeline);
            this.durable = checkpoint.read().orElse(null);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    @Override
    public Optional<Lsn> durablePosition() {
        return Optional.ofNullable(durable);
    }

    @Override
    public Optional<Lsn> apply(List<SourceEvent> events) {
        try {
            for (SourceEvent event : events) {
                accept(event);
            }
            for (TableRows t : tables.values()) {
                t.flush();
            }
            if (inTransaction || pendingEnd == null) {
                return Optional.empty(); // a huge transaction continues in the next batch
            }
            checkpoint.write(pendingEnd, pendingCommitTime);
            durable = pendingEnd;
            pendingEnd = null;
            return Optional.of(durable);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    private void accept(SourceEvent event) {
        if (event instanceof SourceEvent.Begin b) {
            inTransaction = true;
            // a transaction that committed before the checkpoint is already in BigQuery (a replay after a crash)
            skipping = durable != null && b.finalLsn().isBefore(durable);
            commitLsn = b.finalLsn();
            commitTime = b.commitTime();
            position = 0;
        } else if (event instanceof SourceEvent.Commit c) {
            inTransaction = false;
            if (!skipping) {
                pendingEnd = c.endLsn();
                pendingCommitTime = c.commitTime();
            }
            skipping = false;
        } else if (skipping) {
            return;
        } else if (event instanceof Change.SchemaChange sc) {
            table(sc.table());
        } else if (event instanceof Change.Truncate t) {
            truncate(t);
        } else if (event instanceof Change.Insert i) {
            write(table(i.table()), "insert", i.newRow());
        } else if (event instanceof Change.Update u) {
            update(table(u.table()), u);
        } else if (event instanceof Change.Delete d) {
            TableRows t = table(d.table());
            if (t.layout().cdc()) {
                t.add(t.builder().delete(d.oldRow(), ChangeSequence.of(commitLsn, position++)), d.oldRow());
            } else {
                write(t, "delete", d.oldRow());
            }
        }
    }

    private void update(TableRows t, Change.Update u) {
        if (!t.layout().cdc()) {
            write(t, "update", u.newRow());
            return;
        }
        if (u.oldRow() != null && !sameKey(t.layout(), u.oldRow(), u.newRow())) {
            // the primary key changed: the row under the old key goes, the new one comes
            t.add(t.builder().delete(u.oldRow(), ChangeSequence.of(commitLsn, position++)), u.oldRow());
        }
        write(t, "update", u.newRow());
    }

    private void write(TableRows t, String operation, Row row) {
        long pos = position++;
        if (t.layout().cdc()) {
            t.add(t.builder().upsert(row, ChangeSequence.of(commitLsn, pos), commitLsn, commitTime), row);
        } else {
            t.add(t.builder().change(operation, row, commitLsn, pos, commitTime, ChangeSequence.of(commitLsn, pos)), row);
        }
    }

    private void truncate(Change.Truncate change) {
        for (TableRows t : tables.values()) {
            t.flush(); // rows written before the TRUNCATE must be in BigQuery before it runs
        }
        for (TableSchema s : change.tables()) {
            TableRows t = table(s);
            if (t.layout().cdc()) {
                catalog.truncate(t.layout().table());
            } else {
                long pos = position++;
                t.add(t.builder().change("truncate", null, commitLsn, pos, commitTime, ChangeSequence.of(commitLsn, pos)),
                        null);
            }
        }
    }

    private static boolean sameKey(TableLayout layout, Row oldRow, Row newRow) {
        for (String k : layout.primaryKey()) {
            int i = layout.indexOf(k);
            Cell before = oldRow.get(i);
            if (!(before instanceof Cell.Null) && !before.equals(newRow.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The rows of a relation's table, after bringing the BigQuery table in line with the relation's columns. */
    private TableRows table(TableSchema rel) {
        TableId id = rel.id();
        TableRows t = tables.get(id);
        if (t != null && Column.sameLayout(shapes.get(id), rel.columns())) {
            return t;
        }
        if (t != null) {
            t.flush(); // rows of the old shape go first
            t.close();
            tables.remove(id);
        }
        List<String> pk = keys.computeIfAbsent(id, x -> source.describe(x).primaryKey());
        TableLayout layout = TableLayout.of(id, rel.columns(), pk, clients.target().isAppendOnly(id), types);
        Table bq = setup.ensure(layout);
        t = new TableRows(new RowBuilder(layout, clients.target().policy()),
                TableWriter.open(clients, id, layout.table(), bq.getDefinition().getSchema(), layout.cdc()));
        tables.put(id, t);
        shapes.put(id, rel.columns());
        return t;
    }

    /** Drops what was not written; the pipeline replays it from the slot after reconnecting. */
    private void abandon() {
        for (TableRows t : tables.values()) {
            try {
                t.close();
            } catch (RuntimeException e) {
                log.debug("closing a BigQuery writer failed", e);
            }
        }
        tables.clear();
        shapes.clear();
        inTransaction = false;
        skipping = false;
        pendingEnd = null;
    }

    @Override
    public void close() {
        abandon();
        checkpoint.close();
        clients.close();
    }
}
