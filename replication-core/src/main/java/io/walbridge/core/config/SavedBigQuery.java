package io.walbridge.core.config;

import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.bigquery.BigQueryEndpoints;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import io.walbridge.core.source.InvalidEndpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A BigQuery destination as a pipeline file stores it. The service-account key is referred to by its path only;
 * its contents are never copied into the file.
 *
 * @param keyFile         the service-account JSON key's path; null for Application Default Credentials
 * @param staleness       {@code max_staleness} as typed ({@code 15m}, {@code 1h}, {@code 0})
 * @param api             an emulator's REST root (tests); null for Google
 * @param writeApi        an emulator's Storage Write API {@code host:port} (tests); null for Google
 * @param appendOnly      tables written one row per change, as {@code schema.table} (quoted where needed); empty
 *                        when absent (files saved before the option existed)
 * @param unrepresentable {@code fail} (also when absent) or {@code null}: what happens to a value BigQuery cannot hold
 */
public record SavedBigQuery(String project, String dataset, String location, String keyFile, String staleness,
                            String api, String writeApi, List<String> appendOnly, String unrepresentable) {

    public SavedBigQuery {
        appendOnly = appendOnly == null ? List.of() : List.copyOf(appendOnly);
        unrepresentable = unrepresentable == null || unrepresentable.isBlank() ? ValuePolicy.FAIL.key() : unrepresentable;
    }

    /** Every table kept current by key, and a pipeline that stops at a value BigQuery cannot hold. */
    public SavedBigQuery(String project, String dataset, String location, String keyFile, String staleness,
                         String api, String writeApi) {
        this(project, dataset, location, keyFile, staleness, api, writeApi, List.of(), null);
    }

    public BigQueryTarget toTarget() {
        Duration s = staleness == null || staleness.isBlank() ? BigQueryTarget.DEFAULT_STALENESS : BigQueryTarget.staleness(staleness);
        BigQueryEndpoints e = api == null ? BigQueryEndpoints.GOOGLE : BigQueryEndpoints.local(api, writeApi);
        return new BigQueryTarget(project, dataset, location == null || location.isBlank() ? null : location,
                keyFile == null || keyFile.isBlank() ? null : Path.of(keyFile), s, appendOnlyTables(),
                ValuePolicy.parse(unrepresentable), e);
    }

    /** The append-only tables as table ids; a name that cannot be read is refused with the fix (files can be edited). */
    public Set<TableId> appendOnlyTables() {
        Set<TableId> out = new LinkedHashSet<>();
        for (String t : appendOnly) {
            try {
                out.add(TableId.parse(t));
            } catch (IllegalArgumentException ex) {
                throw new InvalidEndpoint("the pipeline's appendOnly entry '" + t + "' is not a table name",
                        "write it as schema.table, or choose the tables again in the wizard's destination step");
            }
        }
        return out;
    }
}
