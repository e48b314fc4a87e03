package io.walbridge.core.config;

import io.walbridge.core.sink.bigquery.BigQueryEndpoints;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.ValuePolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A BigQuery destination as a pipeline file stores it. The service-account key is referred to by its path only;
 * its contents are never copied into the file.
 *
 * @param keyFile   the service-account JSON key's path; null for Application Default Credentials
 * @param staleness {@code max_staleness} as typed ({@code 15m}, {@code 1h}, {@code 0})
 * @param api       an emulator's REST root (tests); null for Google
 * @param writeApi  an emulator's Storage Write API {@code host:port} (tests); null for Google
 */
public record SavedBigQuery(String project, String dataset, String location, String keyFile, String staleness,
                            String api, String writeApi) {

    public BigQueryTarget toTarget() {
        Duration s = staleness == null || staleness.isBlank() ? BigQueryTarget.DEFAULT_STALENESS : BigQueryTarget.staleness(staleness);
        BigQueryEndpoints e = api == null ? BigQueryEndpoints.GOOGLE : BigQueryEndpoints.local(api, writeApi);
        return new BigQueryTarget(project, dataset, location == null || location.isBlank() ? null : location,
                keyFile == null || keyFile.isBlank() ? null : Path.of(keyFile), s, Set.of(), ValuePolicy.FAIL, e);
    }
}
