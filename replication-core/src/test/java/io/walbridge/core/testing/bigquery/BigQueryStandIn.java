package io.walbridge.core.testing.bigquery;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.walbridge.core.sink.bigquery.BigQueryEndpoints;
import io.walbridge.core.sink.bigquery.BigQueryTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local STAND-IN for BigQuery, for tests only: it is not BigQuery and runs no SQL. It speaks the subset of
 * BigQuery's APIs that WalBridge uses — REST v2 for datasets, tables, tabledata.list and two DDL statements, gRPC
 * {@code BigQueryWrite} ({@code GetWriteStream}, {@code AppendRows} on default streams) — and applies
 * {@code UPSERT}/{@code DELETE} by primary key honouring {@code _CHANGE_SEQUENCE_NUMBER}, so tests can point the
 * real Google client libraries at it (plain text, no credentials) and compare the final table contents.
 */
public final class BigQueryStandIn implements AutoCloseable {

    private final StandInStore store = new StandInStore();
    private final StandInFaults faults = new StandInFaults();
    private final HttpServer http;
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bigquery-standin-rest");
        t.setDaemon(true);
        return t;
    });
    private final Server grpc;

    private BigQueryStandIn() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        StandInRest rest = new StandInRest(store, faults);
        http.createContext("/", rest::handle);
        http.setExecutor(httpThreads);
        http.start();
        grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new StandInWriteService(store, faults))
                .maxInboundMessageSize(20 << 20)
                .build().start();
    }

    public static BigQueryStandIn start() {
        try {
            return new BigQueryStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the BigQuery stand-in", e);
        }
    }

    public BigQueryEndpoints endpoints() {
        return BigQueryEndpoints.local("http://127.0.0.1:" + http.getAddress().getPort(), "127.0.0.1:" + grpc.getPort());
    }

    /** A destination URL for {@code walbridge run --target}, pointing at this stand-in. */
    public String url(String project, String dataset, String extraParams) {
        BigQueryEndpoints e = endpoints();
        return "bigquery://" + project + "/" + dataset + "?api=" + e.api() + "&write_api=" + e.writeApi()
                + (extraParams == null || extraParams.isEmpty() ? "" : "&" + extraParams);
    }

    public BigQueryTarget target(String project, String dataset) {
        return BigQueryTarget.parse(url(project, dataset, null));
    }

    public StandInFaults faults() {
        return faults;
    }

    /** Creates a dataset directly (as a user would in the console). */
    public void createDataset(String project, String dataset, String location) {
        store.createDataset(project, dataset, location);
    }

    /** Creates a table directly (as a user would), e.g. one whose columns do not fit the source. */
    public void createTable(String project, String dataset, String table, List<StandInField> fields, List<String> pk) {
        store.createTable(project, dataset, table, fields, pk, null);
    }

    /** The table, or null. */
    public StandInTable table(String project, String dataset, String table) {
        return store.table(project, dataset, table);
    }

    /** Every table of a dataset by name (empty when the dataset does not exist). */
    public Map<String, StandInTable> tables(String project, String dataset) {
        StandInStore.Dataset d = store.dataset(project, dataset);
        return d == null ? Map.of() : Map.copyOf(d.tables());
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        grpc.shutdownNow();
        try {
            grpc.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
