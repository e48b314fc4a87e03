package io.walbridge.core.handoff.datastream;

/** Where Datastream writes in BigQuery: the console's two choices for a BigQuery destination. */
public enum DatasetMode {
    /** {@code sourceHierarchyDatasets}: one dataset per source schema, created by Datastream. */
    DATASET_PER_SCHEMA("a dataset for each schema"),
    /** {@code singleTargetDataset}: every table into one existing dataset. */
    SINGLE_DATASET("one dataset for all tables");

    private final String title;

    DatasetMode(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
