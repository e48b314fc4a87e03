package io.walbridge.app.wizard;

import io.walbridge.core.config.SavedPipeline;

/** Where a pipeline writes; BigQuery is listed so users see it coming, but cannot be chosen until its sink exists. */
public enum DestinationKind {
    POSTGRESQL("PostgreSQL", SavedPipeline.POSTGRESQL, true),
    BIGQUERY("BigQuery", "bigquery", false);

    private final String title;
    private final String key;
    private final boolean available;

    DestinationKind(String title, String key, boolean available) {
        this.title = title;
        this.key = key;
        this.available = available;
    }

    public String key() {
        return key;
    }

    public boolean available() {
        return available;
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
