package io.walbridge.core.testing.bigquery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The stand-in's datasets and tables, shared by its REST and gRPC sides. */
final class StandInStore {

    /** A dataset's location and tables. */
    record Dataset(String project, String name, String location, Map<String, StandInTable> tables) {
    }

    private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();

    Dataset dataset(String project, String dataset) {
        return datasets.get(project + ":" + dataset);
    }

    /** Creates a dataset; false when it already exists. */
    boolean createDataset(String project, String dataset, String location) {
        return datasets.putIfAbsent(project + ":" + dataset,
                new Dataset(project, dataset, location == null ? "US" : location, new ConcurrentHashMap<>())) == null;
    }

    StandInTable table(String project, String dataset, String table) {
        Dataset d = dataset(project, dataset);
        return d == null ? null : d.tables().get(table);
    }

    /** Creates a table; null when the dataset is missing or the table exists. */
    StandInTable createTable(String project, String dataset, String table, List<StandInField> fields,
                             List<String> primaryKey, String description) {
        Dataset d = dataset(project, dataset);
        if (d == null) {
            return null;
        }
        StandInTable t = new StandInTable(table, fields, primaryKey, description);
        return d.tables().putIfAbsent(table, t) == null ? t : null;
    }

    boolean dropTable(String project, String dataset, String table) {
        Dataset d = dataset(project, dataset);
        return d != null && d.tables().remove(table) != null;
    }
}
