package io.walbridge.core.sink.bigquery;

import com.google.api.core.ApiFuture;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.protobuf.Descriptors;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.SinkFailure;
import org.json.JSONArray;
import org.json.JSONObject;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Appends rows to one table's default stream through the Storage Write API. Appends are sent without waiting;
 * {@link #awaitAll()} returns once BigQuery acknowledged every one, and only then may a position covering them
 * be confirmed. A few appends may be in flight at once, so memory stays bounded.
 */
final class TableWriter implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 8;

    private record InFlight(ApiFuture<AppendRowsResponse> future, List<String> keys) {
    }

    private final JsonStreamWriter writer;
    private final TableId source;
    private final String table;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    private TableWriter(JsonStreamWriter writer, TableId source, String table) {
        this.writer = writer;
        this.source = source;
        this.table = table;
    }

    /** A writer for {@code table} whose columns are exactly {@code actual} (plus the CDC pseudo-columns). */
    static TableWriter open(BigQueryClients clients, TableId source, String table, Schema actual, boolean cdc) {
        BigQueryTarget t = clients.target();
        String name = TableName.of(t.project(), t.dataset(), table).toString();
        try {
            JsonStreamWriter w = JsonStreamWriter.newBuilder(name, WriterSchema.of(actual, cdc), clients.write())
                    .setIgnoreUnknownFields(false)
                    .build();
            return new TableWriter(w, source, table);
        } catch (Descriptors.DescriptorValidationException | IllegalArgumentException e) {
            throw new SinkFailure("BigQuery table " + table + " has a schema WalBridge cannot write: " + e.getMessage(),
                    "let WalBridge create the table: drop it in BigQuery and copy the table again (--resnapshot)",
                    false, e);
        } catch (IOException e) {
            throw new SinkFailure("could not open the BigQuery write stream of " + table + ": " + e.getMessage(),
                    "WalBridge retries; check the network connection to BigQuery", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkFailure("interrupted while opening the write stream of " + table, "", true, e);
        } catch (RuntimeException e) {
            throw BigQueryErrors.grpc(e, "open the write stream of table " + table);
        }
    }

    /**
     * Sends rows in one append request.
     *
     * @param keys for each row, its key as shown in messages ({@code id=5})
     */
    void append(List<JSONObject> rows, List<String> keys) {
        if (rows.isEmpty()) {
            return;
        }
        while (inFlight.size() >= MAX_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        JSONArray array = new JSONArray();
        rows.forEach(array::put);
        try {
            inFlight.addLast(new InFlight(writer.append(array), List.copyOf(keys)));
        } catch (Exceptions.AppendSerializationError e) {
            throw rowFailure(e.getRowIndexToErrorMessage(), keys, e);
        } catch (Descriptors.DescriptorValidationException | IOException e) {
            throw new SinkFailure("could not send rows to BigQuery table " + table + ": " + e.getMessage(),
                    "WalBridge retries; check the network connection to BigQuery", true, e);
        } catch (RuntimeException e) {
            throw failure(e, keys);
        }
    }

    /** Returns once BigQuery acknowledged every append sent so far. */
    void awaitAll() {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    private void await(InFlight f) {
        try {
            f.future().get();
        } catch (ExecutionException e) {
            throw failure(e.getCause(), f.keys());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkFailure("interrupted while waiting for BigQuery to acknowledge rows of " + table, "", true, e);
        }
    }

    private SinkFailure failure(Throwable t, List<String> keys) {
        if (t instanceof Exceptions.AppendSerializationError e) {
            return rowFailure(e.getRowIndexToErrorMessage(), keys, e);
        }
        if (t instanceof Exceptions.StreamWriterClosedException) {
            return new SinkFailure("the BigQuery write stream of " + table + " closed", "WalBridge reopens it", true, t);
        }
        return BigQueryErrors.grpc(t, "write rows of " + source + " to table " + table);
    }

    private SinkFailure rowFailure(Map<Integer, String> errors, List<String> keys, Throwable cause) {
        Map.Entry<Integer, String> first = errors.entrySet().stream().min(Map.Entry.comparingByKey()).orElse(null);
        String which = first == null || first.getKey() >= keys.size() ? "a row" : "the row " + keys.get(first.getKey());
        String why = first == null ? String.valueOf(cause.getMessage()) : first.getValue();
        return new SinkFailure("BigQuery refused " + which + " of " + source + " (table " + table + "): " + why
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more row(s))" : ""),
                "make the BigQuery table's columns match the source's (or drop the table and copy it again"
                        + " with --resnapshot); unrepresentable=null writes NULL for values BigQuery cannot hold",
                false, cause);
    }

    @Override
    public void close() {
        inFlight.clear();
        writer.close();
    }
}
