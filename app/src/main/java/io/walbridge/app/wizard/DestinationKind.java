package io.walbridge.app.wizard;

import io.walbridge.core.config.SavedPipeline;

/** Where a pipeline writes. */
public enum DestinationKind {
    POSTGRESQL("PostgreSQL", SavedPipeline.POSTGRESQL),
    BIGQUERY("BigQuery", SavedPipeline.BIGQUERY);

    private final String title;
    private final String key;

    DestinationKind(String title, String key) {
        this.title = title;
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static DestinationKind of(String key) {
        for (DestinationKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return POSTGRESQL;
    }

    @Override
    public String toString() {
        return title;
    }
}
