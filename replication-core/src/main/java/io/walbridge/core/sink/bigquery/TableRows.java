package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Row;
import org.json.JSONObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows waiting to be sent to one table, sent in append requests of bounded size (BigQuery takes at most
 * 10 MB per request).
 */
final class TableRows implements AutoCloseable {

    private static final int MAX_ROWS = 2_000;
    private static final long MAX_BYTES = 4L << 20;

    private final RowBuilder builder;
    private final TableWriter writer;
    private final List<JSONObject> rows = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private long bytes;

    TableRows(RowBuilder builder, TableWriter writer) {
        this.builder = builder;
        this.writer = writer;
    }

    RowBuilder builder() {
        return builder;
    }

    TableLayout layout() {
        return builder.layout();
    }

    void add(JSONObject row, Row source) {
        rows.add(row);
        keys.add(source == null ? "(no key)" : builder.key(source));
        bytes += RowBuilder.estimatedBytes(source);
        if (rows.size() >= MAX_ROWS || bytes >= MAX_BYTES) {
            send();
        }
    }

    void send() {
        if (!rows.isEmpty()) {
            writer.append(rows, keys);
            rows.clear();
            keys.clear();
            bytes = 0;
        }
    }

    /** Sends what is waiting and returns once BigQuery acknowledged everything sent to this table. */
    void flush() {
        send();
        writer.awaitAll();
    }

    void discard() {
        rows.clear();
        keys.clear();
        bytes = 0;
    }

    @Override
    public void close() {
        discard();
        writer.close();
    }
}
