package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.Table;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import org.json.JSONObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a pipeline got, in the dataset's {@code _walbridge_checkpoint} table: one current row per pipeline
 * (a CDC table keyed by pipeline), written only after BigQuery acknowledged every row up to that position.
 * Reading it takes the greatest position found, so even rows BigQuery has not merged yet give a safe answer:
 * a position never ahead of what BigQuery holds.
 */
final class CheckpointRows implements AutoCloseable {

    private static final Schema SCHEMA = Schema.of(
            Field.of("pipeline", StandardSQLTypeName.STRING),
            Field.of("lsn", StandardSQLTypeName.INT64),
            Field.of("lsn_text", StandardSQLTypeName.STRING),
            Field.of("source_commit_time", StandardSQLTypeName.TIMESTAMP),
            Field.of("written_at", StandardSQLTypeName.TIMESTAMP));

    private final BigQueryClients clients;
    private final DatasetCatalog catalog;
    private final String pipeline;
    private TableWriter writer;

    CheckpointRows(BigQueryClients clients, DatasetCatalog catalog, String pipeline) {
        this.clients = clients;
        this.catalog = catalog;
        this.pipeline = pipeline;
    }

    Optional<Lsn> read() {
        AtomicLong max = new AtomicLong(-1);
        catalog.readAll(BigQueryNames.CHECKPOINT_TABLE, row -> {
            if (pipeline.equals(row.get("pipeline").getStringValue())) {
                FieldValue lsn = row.get("lsn");
                if (!lsn.isNull()) {
                    max.accumulateAndGet(lsn.getLongValue(), Math::max);
                }
            }
        });
        return max.get() < 0 ? Optional.empty() : Optional.of(new Lsn(max.get()));
    }

    /** Records {@code lsn} and returns once BigQuery acknowledged it. */
    void write(Lsn lsn, Instant sourceCommitTime) {
        if (writer == null) {
            Table t = catalog.table(BigQueryNames.CHECKPOINT_TABLE);
            if (t == null) {
                t = catalog.create(BigQueryNames.CHECKPOINT_TABLE, SCHEMA, List.of("pipeline"),
                        "How far each WalBridge pipeline has written into this dataset", false);
            }
            writer = TableWriter.open(clients, new TableId("walbridge", "checkpoint"), BigQueryNames.CHECKPOINT_TABLE,
                    t.getDefinition().getSchema(), true);
        }
        JSONObject o = new JSONObject();
        o.put("pipeline", pipeline);
        o.put("lsn", lsn.value());
        o.put("lsn_text", lsn.toString());
        if (sourceCommitTime != null) {
            o.put("source_commit_time", micros(sourceCommitTime));
        }
        o.put("written_at", micros(Instant.now()));
        o.put(BigQueryNames.CHANGE_TYPE, "UPSERT");
        o.put(BigQueryNames.CHANGE_SEQUENCE, ChangeSequence.of(lsn, 0));
        writer.append(List.of(o), List.of("(pipeline=" + pipeline + ")"));
        writer.awaitAll();
    }

    static long micros(Instant t) {
        return TimeUnit.SECONDS.toMicros(t.getEpochSecond()) + t.getNano() / 1000;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
