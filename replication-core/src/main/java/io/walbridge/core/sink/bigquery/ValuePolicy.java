package io.walbridge.core.sink.bigquery;

import io.walbridge.core.source.InvalidEndpoint;

/** What to do with a source value BigQuery cannot hold (numeric NaN, a year past 9999, an array with NULLs…). */
public enum ValuePolicy {
    /** Stop the pipeline, naming table, key, column and value: nothing is changed silently. */
    FAIL,
    /** Write NULL (arrays: leave the NULL elements out) and log a warning naming table, key, column and value. */
    NULL;

    static ValuePolicy parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "fail" -> FAIL;
            case "null" -> NULL;
            default -> throw new InvalidEndpoint("unrepresentable=" + text + " is not a choice", "use fail or null");
        };
    }
}
