package io.walbridge.core.sink.bigquery;

/**
 * Where the BigQuery APIs are: Google's services (with credentials), or a local emulator such as the test
 * stand-in, reached in plain text and without credentials.
 *
 * @param api      the REST root, e.g. {@code http://127.0.0.1:9050}; null for Google
 * @param writeApi the Storage Write API's gRPC {@code host:port}; null for Google
 */
public record BigQueryEndpoints(String api, String writeApi) {

    public static final BigQueryEndpoints GOOGLE = new BigQueryEndpoints(null, null);

    public static BigQueryEndpoints local(String api, String writeApi) {
        if (api == null || writeApi == null) {
            throw new io.walbridge.core.source.InvalidEndpoint("an emulator needs both api and write_api",
                    "give both, like api=http://127.0.0.1:9050&write_api=127.0.0.1:9060");
        }
        return new BigQueryEndpoints(api, writeApi);
    }

    public boolean isGoogle() {
        return api == null;
    }
}
