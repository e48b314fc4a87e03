package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.PrimaryKey;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableConstraints;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import io.walbridge.core.sink.SinkFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The dataset's tables through the REST API: created when missing, columns added, emptied, read. */
public final class DatasetCatalog {

    private static final Logger log = LoggerFactory.getLogger(DatasetCatalog.class);

    private final BigQuery bigQuery;
    private final BigQueryTarget target;

    public DatasetCatalog(BigQueryClients clients) {
        this.bigQuery = clients.bigQuery();
        this.target = clients.target();
    }

    public TableId id(String table) {
        return TableId.of(target.project(), target.dataset(), table);
    }

    /** Creates the dataset in the configured location when it does not exist. */
    public void ensureDataset() {
        DatasetId id = DatasetId.of(target.project(), target.dataset());
        try {
            Dataset existing = bigQuery.getDataset(id);
            if (existing != null) {
                if (target.location() != null && existing.getLocation() != null
                        && !existing.getLocation().equalsIgnoreCase(target.location())) {
                    throw new SinkFailure("dataset " + target.dataset() + " is in " + existing.getLocation()
                            + ", not in " + target.location() + " as the destination URL says",
                            "set location=" + existing.getLocation() + " in the URL, or use another dataset", false, null);
                }
                return;
            }
            log.info("creating BigQuery dataset {}.{} in {}", target.project(), target.dataset(),
                    target.location() == null ? "the default location" : target.location());
            DatasetInfo.Builder info = DatasetInfo.newBuilder(id).setDescription("Replicated by WalBridge");
            if (target.location() != null) {
                info.setLocation(target.location());
            }
            bigQuery.create(info.build());
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                return; // created meanwhile by another pipeline
            }
            throw BigQueryErrors.rest(e, "create dataset " + target.dataset());
        }
    }

    /** The table, or null when it does not exist. */
    public Table table(String name) {
        try {
            return bigQuery.getTable(id(name));
        } catch (BigQueryException e) {
            throw BigQueryErrors.rest(e, "read the definition of table " + name);
        }
    }

    /**
     * Creates a table; with a primary key also {@code PRIMARY KEY (…) NOT ENFORCED} and {@code max_staleness},
     * which make it a CDC table.
     */
    public Table create(String name, Schema schema, List<String> primaryKey, String description, boolean staleness) {
        TableInfo.Builder info = TableInfo.newBuilder(id(name), StandardTableDefinition.of(schema)).setDescription(description);
        if (!primaryKey.isEmpty()) {
            info.setTableConstraints(TableConstraints.newBuilder()
                    .setPrimaryKey(PrimaryKey.newBuilder().setColumns(primaryKey).build()).build());
        }
        Table created;
        try {
            log.info("creating BigQuery table {}.{}", target.dataset(), name);
            created = bigQuery.create(info.build());
        } catch (BigQueryException e) {
            if (e.getCode() != 409) {
                throw BigQueryErrors.rest(e, "create table " + name);
            }
            created = table(name);
        }
        if (staleness && !primaryKey.isEmpty() && !target.staleness().isZero()) {
            run("ALTER TABLE " + quoted(name) + " SET OPTIONS (max_staleness = " + interval(target.staleness()) + ")",
                    "set max_staleness on table " + name);
        }
        return created;
    }

    /** Adds columns at the end (BigQuery only ever adds NULLABLE or REPEATED columns to a table). */
    public Table addColumns(Table table, List<Field> added) {
        Schema schema = table.getDefinition().getSchema();
        List<Field> fields = new ArrayList<>(schema.getFields());
        fields.addAll(added);
        TableDefinition def = StandardTableDefinition.of(Schema.of(fields));
        try {
            log.info("adding column(s) {} to BigQuery table {}", added.stream().map(Field::getName).toList(),
                    table.getTableId().getTable());
            return table.toBuilder().setDefinition(def).build().update();
        } catch (BigQueryException e) {
            throw BigQueryErrors.rest(e, "add columns to table " + table.getTableId().getTable());
        }
    }

    /** Removes every row ({@code TRUNCATE TABLE}, a query job). */
    public void truncate(String name) {
        run("TRUNCATE TABLE " + quoted(name), "empty table " + name);
    }

    /** Reads every row of a (small) table through tabledata.list. */
    public void readAll(String name, Consumer<FieldValueList> row) {
        try {
            Table t = table(name);
            if (t == null) {
                return;
            }
            FieldList fields = t.getDefinition().getSchema().getFields();
            for (FieldValueList r : bigQuery.listTableData(id(name), Schema.of(fields),
                    BigQuery.TableDataListOption.pageSize(1000)).iterateAll()) {
                row.accept(r);
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.rest(e, "read table " + name);
        }
    }

    private void run(String sql, String doing) {
        try {
            QueryJobConfiguration.Builder q = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false);
            bigQuery.query(q.build());
        } catch (BigQueryException e) {
            throw BigQueryErrors.rest(e, doing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkFailure("interrupted while waiting for BigQuery to " + doing, "", true, e);
        }
    }

    /** {@code `project.dataset.table`}: names are limited to letters, digits, _ and - so nothing needs escaping. */
    private String quoted(String table) {
        return "`" + target.project() + "." + target.dataset() + "." + table + "`";
    }

    static String interval(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? "INTERVAL " + seconds / 60 + " MINUTE" : "INTERVAL " + seconds + " SECOND";
    }
}
