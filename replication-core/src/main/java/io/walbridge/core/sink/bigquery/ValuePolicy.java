package io.walbridge.core.sink.bigquery;

import io.walbridge.core.source.InvalidEndpoint;

import java.util.Locale;

/** What to do with a source value BigQuery cannot hold (numeric NaN, a year past 9999, an array with NULLs…). */
public enum ValuePolicy {
    /** Stop the pipeline, naming table, key, column and value: nothing is changed silently. */
    FAIL,
    /** Write NULL (arrays: leave the NULL elements out) and log a warning naming table, key, column and value. */
    NULL;

    /** Reads {@code fail} or {@code null}, as the URL parameter {@code unrepresentable} and pipeline files spell it. */
    public static ValuePolicy parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "fail" -> FAIL;
            case "null" -> NULL;
            default -> throw new InvalidEndpoint("unrepresentable=" + text + " is not a choice", "use fail or null");
        };
    }

    /** {@code fail} or {@code null}: the spelling {@link #parse} reads. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
