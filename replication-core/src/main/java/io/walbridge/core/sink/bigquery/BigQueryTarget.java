package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.TableId;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.source.InvalidEndpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A BigQuery dataset to replicate into, from {@code bigquery://PROJECT/DATASET?location=EU&credentials=key.json}.
 * The key file is only referred to by its path: its contents are read when connecting and never kept.
 *
 * @param location        where a missing dataset is created (BigQuery's default, {@code US}, when null)
 * @param credentials     a service-account key file; null means Application Default Credentials
 * @param staleness       the tables' {@code max_staleness}; zero leaves it unset (queries always see the latest rows)
 * @param appendOnly      tables with a primary key that are still written one row per change
 * @param policy          what happens to a value BigQuery cannot hold
 * @param endpoints       Google's services, or a local emulator reached in plain text without credentials
 */
public record BigQueryTarget(String project, String dataset, String location, Path credentials, Duration staleness,
                             Set<TableId> appendOnly, ValuePolicy policy, BigQueryEndpoints endpoints) {

    public static final Duration DEFAULT_STALENESS = Duration.ofMinutes(15);
    private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{1,61}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    public BigQueryTarget {
        appendOnly = Set.copyOf(appendOnly);
        if (endpoints == null) {
            endpoints = BigQueryEndpoints.GOOGLE;
        }
        if (policy == null) {
            policy = ValuePolicy.FAIL;
        }
    }

    public static boolean isBigQueryUrl(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("bigquery://");
    }

    /**
     * Parses {@code bigquery://PROJECT/DATASET} with the optional parameters {@code location}, {@code credentials}
     * (key file path), {@code staleness} ({@code 15m}, {@code 0} for none), {@code append_only} (comma-separated
     * {@code schema.table}), {@code unrepresentable} ({@code fail} or {@code null}), and for emulators {@code api}
     * and {@code write_api}.
     */
    public static BigQueryTarget parse(String url) {
        if (!isBigQueryUrl(url)) {
            throw new InvalidEndpoint("a BigQuery destination URL starts with bigquery:// (got '" + url + "')",
                    "write it like bigquery://my-project/my_dataset?location=EU&credentials=/path/key.json");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpoint("the BigQuery URL is malformed: " + url,
                    "percent-encode special characters in the key file path (a space as %20)");
        }
        String project = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String dataset = project == null ? null : validate(project, path);
        String location = null;
        Path credentials = null;
        Duration staleness = DEFAULT_STALENESS;
        Set<TableId> appendOnly = new LinkedHashSet<>();
        ValuePolicy policy = ValuePolicy.FAIL;
        String api = null;
        String writeApi = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "location" -> location = value.isBlank() ? null : value;
                    case "credentials" -> credentials = value.isBlank() ? null : Path.of(value);
                    case "staleness" -> staleness = staleness(value);
                    case "append_only" -> {
                        for (String t : value.split(",")) {
                            if (!t.isBlank()) {
                                appendOnly.add(TableId.parse(t.trim()));
                            }
                        }
                    }
                    case "unrepresentable" -> policy = ValuePolicy.parse(value);
                    case "api" -> api = value;
                    case "write_api" -> writeApi = value;
                    default -> throw new InvalidEndpoint("unknown BigQuery URL parameter '" + key + "'",
                            "use location, credentials, staleness, append_only or unrepresentable");
                }
            }
        }
        BigQueryEndpoints endpoints = api == null && writeApi == null ? BigQueryEndpoints.GOOGLE
                : BigQueryEndpoints.local(api, writeApi);
        return new BigQueryTarget(project, dataset, location, credentials, staleness, appendOnly, policy, endpoints);
    }

    private static String validate(String project, String dataset) {
        if (!PROJECT.matcher(project).matches()) {
            throw new InvalidEndpoint("'" + project + "' is not a Google Cloud project ID",
                    "use the project ID (lowercase letters, digits and dashes) from the console's project picker");
        }
        if (!DATASET.matcher(dataset).matches()) {
            throw new InvalidEndpoint("'" + dataset + "' is not a BigQuery dataset name",
                    "write it like bigquery://" + project + "/my_dataset (letters, digits and _ only)");
        }
        return dataset;
    }

    /** Parses {@code 15m}, {@code 1h}, {@code 90s}; {@code 0} means no staleness. */
    public static Duration staleness(String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return HumanUnits.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpoint("staleness: " + e.getMessage(), "write it like staleness=15m, or 0 for none");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public BigQueryTarget withEndpoints(BigQueryEndpoints e) {
        return new BigQueryTarget(project, dataset, location, credentials, staleness, appendOnly, policy, e);
    }

    /** Whether changes of this table are kept as one row per change even though it has a primary key. */
    public boolean isAppendOnly(TableId table) {
        return appendOnly.contains(table);
    }

    /** The URL as it can be shown (a key file path is not secret; its contents never appear). */
    public String display() {
        StringBuilder sb = new StringBuilder("bigquery://").append(project).append('/').append(dataset);
        String sep = "?";
        if (location != null) {
            sb.append(sep).append("location=").append(location);
            sep = "&";
        }
        sb.append(sep).append("credentials=").append(credentials == null ? "(application default)" : credentials);
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
