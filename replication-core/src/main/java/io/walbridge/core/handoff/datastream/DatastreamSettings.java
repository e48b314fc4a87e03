package io.walbridge.core.handoff.datastream;

import java.util.regex.Pattern;

/**
 * What the DBA chooses for Google Datastream beyond the prepared source: the project and region, the ids of the
 * two connection profiles and of the stream, where in BigQuery the tables go, and how stale they may be.
 *
 * @param dataset          for {@link DatasetMode#SINGLE_DATASET} the dataset id; for
 *                         {@link DatasetMode#DATASET_PER_SCHEMA} an optional prefix of the datasets' names
 * @param datasetLocation  the BigQuery location of datasets Datastream creates, e.g. {@code US} or {@code us-central1}
 * @param stalenessSeconds {@code dataFreshness}: how old the data in BigQuery may be; lower costs more
 */
public record DatastreamSettings(String project, String region, String sourceProfileId, String destinationProfileId,
                                 String streamId, DatasetMode datasetMode, String dataset, String datasetLocation,
                                 long stalenessSeconds) {

    public static final long DEFAULT_STALENESS_SECONDS = 900;

    // Google's resource ids: lowercase letter first, then lowercase letters, digits and hyphens, at most 63
    private static final Pattern RESOURCE_ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    public DatastreamSettings {
        datasetMode = datasetMode == null ? DatasetMode.DATASET_PER_SCHEMA : datasetMode;
    }

    /** Settings named after the slot, as a DBA would start. */
    public static DatastreamSettings defaults(String slot) {
        String base = slot.toLowerCase().replace('_', '-').replaceAll("[^a-z0-9-]", "");
        base = base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "walbridge-" + base : base;
        base = base.length() > 40 ? base.substring(0, 40) : base;
        return new DatastreamSettings("", "us-central1", base + "-source", base + "-bigquery", base + "-stream",
                DatasetMode.DATASET_PER_SCHEMA, "", "US", DEFAULT_STALENESS_SECONDS);
    }

    public static String projectProblem(String v) {
        return v != null && PROJECT_ID.matcher(v).matches() ? null
                : "enter the Google Cloud project id (6–30 lowercase letters, digits and hyphens, e.g. shop-analytics)";
    }

    public static String regionProblem(String v) {
        return v != null && REGION.matcher(v).matches() ? null
                : "enter the region the stream runs in, e.g. us-central1 or europe-west1";
    }

    public static String idProblem(String v) {
        return v != null && RESOURCE_ID.matcher(v).matches() ? null
                : "use lowercase letters, digits and hyphens, starting with a letter, at most 63 characters";
    }

    public static String datasetProblem(DatasetMode mode, String v) {
        if (mode == DatasetMode.SINGLE_DATASET) {
            return v != null && DATASET.matcher(v).matches() ? null
                    : "enter the BigQuery dataset id (letters, digits and underscores)";
        }
        return v == null || v.isEmpty() || DATASET.matcher(v).matches() ? null
                : "a dataset prefix may hold letters, digits and underscores only";
    }

    public static String stalenessProblem(long seconds) {
        return seconds >= 0 && seconds <= 86_400 ? null : "the staleness limit is from 0 seconds to 1 day (86400 s)";
    }

    /** The first rule a field breaks, as "field: problem", or null when every field is fine. */
    public String firstProblem() {
        String[][] checks = {
                {"project", projectProblem(project)}, {"region", regionProblem(region)},
                {"source profile id", idProblem(sourceProfileId)}, {"destination profile id", idProblem(destinationProfileId)},
                {"stream id", idProblem(streamId)}, {"BigQuery dataset", datasetProblem(datasetMode, dataset)},
                {"staleness", stalenessProblem(stalenessSeconds)}};
        for (String[] c : checks) {
            if (c[1] != null) {
                return c[0] + ": " + c[1];
            }
        }
        if (datasetMode == DatasetMode.DATASET_PER_SCHEMA && (datasetLocation == null || datasetLocation.isBlank())) {
            return "dataset location: enter where Datastream creates the datasets, e.g. US or us-central1";
        }
        return null;
    }

    /** {@code projects/P/locations/L}, the parent of every resource. */
    public String parent() {
        return "projects/" + project + "/locations/" + region;
    }
}
