package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.Table;
import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.TxidSnapshot;
import org.json.JSONObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which table copies completed, and at which source snapshot, in the dataset's {@code _walbridge_snapshots}
 * table. It is an append-only log — {@code completed} and {@code forgotten} events — read back in time order,
 * so it needs no update or delete that BigQuery might not have merged yet.
 */
final class SnapshotLog {

    private static final Schema SCHEMA = Schema.of(
            Field.of("pipeline", StandardSQLTypeName.STRING),
            Field.of("table_schema", StandardSQLTypeName.STRING),
            Field.of("table_name", StandardSQLTypeName.STRING),
            Field.of("event", StandardSQLTypeName.STRING),
            Field.of("snapshot", StandardSQLTypeName.STRING),
            Field.of("row_count", StandardSQLTypeName.INT64),
            Field.of("at", StandardSQLTypeName.TIMESTAMP));

    private final BigQueryClients clients;
    private final DatasetCatalog catalog;
    private final String pipeline;
    private long lastMicros;

    SnapshotLog(BigQueryClients clients, DatasetCatalog catalog, String pipeline) {
        this.clients = clients;
        this.catalog = catalog;
        this.pipeline = pipeline;
    }

    Map<TableId, TxidSnapshot> completed() {
        Map<TableId, Long> at = new HashMap<>();
        Map<TableId, TxidSnapshot> out = new HashMap<>();
        catalog.readAll(BigQueryNames.SNAPSHOT_TABLE, row -> {
            if (!pipeline.equals(row.get("pipeline").getStringValue())) {
                return;
            }
            TableId t = new TableId(row.get("table_schema").getStringValue(), row.get("table_name").getStringValue());
            long when = row.get("at").getTimestampValue();
            if (at.getOrDefault(t, Long.MIN_VALUE) > when) {
                return;
            }
            at.put(t, when);
            if ("completed".equals(row.get("event").getStringValue())) {
                out.put(t, TxidSnapshot.parse(row.get("snapshot").getStringValue()));
            } else {
                out.remove(t);
            }
        });
        return out;
    }

    synchronized void record(TableId table, String event, TxidSnapshot snapshot, long rows) {
        Table t = catalog.table(BigQueryNames.SNAPSHOT_TABLE);
        if (t == null) {
            t = catalog.create(BigQueryNames.SNAPSHOT_TABLE, SCHEMA, List.of(),
                    "Table copies made by WalBridge pipelines (the latest event per table counts)", false);
        }
        // strictly increasing times, so two events of one table never tie
        lastMicros = Math.max(lastMicros + 1, CheckpointRows.micros(Instant.now()));
        JSONObject o = new JSONObject();
        o.put("pipeline", pipeline);
        o.put("table_schema", table.schema());
        o.put("table_name", table.name());
        o.put("event", event);
        if (snapshot != null) {
            o.put("snapshot", snapshot.toString());
        }
        o.put("row_count", rows);
        o.put("at", lastMicros);
        try (BigQueryClients own = BigQueryClients.open(clients.target());
             TableWriter w = TableWriter.open(own, new TableId("walbridge", "snapshots"), BigQueryNames.SNAPSHOT_TABLE,
                t.getDefinition().getSchema(), false)) {
            w.append(List.of(o), List.of("(" + table + ")"));
            w.awaitAll();
        }
    }
}
