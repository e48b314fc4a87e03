package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Table;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.SnapshotTarget;
import io.walbridge.core.snapshot.TxidSnapshot;
import io.walbridge.core.source.TableDefinition;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives table copies in BigQuery: each COPY text line becomes a row written through the same Storage Write
 * API path as streamed changes. Copied rows carry sequence number {@code 0/0}, so any streamed change of the
 * same key wins over them, and no copied row can win over a change. A table whose copy did not complete is
 * emptied ({@code TRUNCATE TABLE}) and copied again.
 */
public final class BigQuerySnapshotTarget implements SnapshotTarget, AutoCloseable {

    private final BigQueryClients clients;
    private final DatasetCatalog catalog;
    private final TableSetup setup;
    private final SnapshotLog log;
    private final SourceTypes types;
    private final Map<TableId, Table> prepared = new ConcurrentHashMap<>();
    private final Map<TableId, TableLayout> layouts = new ConcurrentHashMap<>();

    public BigQuerySnapshotTarget(BigQueryTarget target, String pipeline, SourceTypes types) {
        this.clients = BigQueryClients.open(target);
        this.catalog = new DatasetCatalog(clients);
        this.setup = new TableSetup(catalog);
        this.log = new SnapshotLog(clients, catalog, pipeline);
        this.types = types;
    }

    @Override
    public Map<TableId, TxidSnapshot> completedTables() {
        catalog.ensureDataset();
        return log.completed();
    }

    @Override
    public CopyFormat prepareTable(TableDefinition table) {
        catalog.ensureDataset();
        TableLayout layout = TableLayout.of(table.id(), table.layout(), table.primaryKey(),
                clients.target().isAppendOnly(table.id()), types);
        boolean existed = catalog.table(layout.table()) != null;
        Table t = setup.ensure(layout);
        if (existed) {
            catalog.truncate(layout.table()); // rows of an interrupted or earlier copy
        }
        prepared.put(table.id(), t);
        layouts.put(table.id(), layout);
        return CopyFormat.TEXT;
    }

    @Override
    public ChunkWriter openChunk(TableDefinition table, CopyFormat format) {
        TableLayout layout = layouts.get(table.id());
        // each copy worker writes over its own connection, closed with the chunk
        BigQueryClients own = BigQueryClients.open(clients.target());
        try {
            TableWriter writer = TableWriter.open(own, table.id(), layout.table(),
                    prepared.get(table.id()).getDefinition().getSchema(), layout.cdc());
            return new CopyChunk(new TableRows(new RowBuilder(layout, clients.target().policy()), writer), own);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    @Override
    public void completeTable(TableId table, TxidSnapshot snapshot, long rows) {
        log.record(table, "completed", snapshot, rows);
    }

    @Override
    public void forgetTable(TableId table) {
        log.record(table, "forgotten", null, 0);
    }

    @Override
    public void close() {
        clients.close();
    }

    /** One copy worker's rows: parsed line by line, sent in bounded appends, acknowledged at commit. */
    private static final class CopyChunk implements ChunkWriter {
        private final TableRows rows;
        private final BigQueryClients clients;
        private final String chunkId = UUID.randomUUID().toString();
        private long count;

        CopyChunk(TableRows rows, BigQueryClients clients) {
            this.rows = rows;
            this.clients = clients;
        }

        @Override
        public void write(byte[] data, int length) {
            Row row = CopyText.parse(data, length);
            RowBuilder b = rows.builder();
            rows.add(b.layout().cdc() ? b.upsert(row, ChangeSequence.COPY, null, null)
                    : b.change("snapshot", row, null, count, null, "copy/" + chunkId + "/" + count), row);
            count++;
        }

        @Override
        public long commit() {
            rows.flush();
            return count;
        }

        @Override
        public void close() {
            try {
                rows.close();
            } finally {
                clients.close();
            }
        }
    }
}
