package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.SinkFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One source table as a BigQuery table: its columns in source order with their BigQuery names and types, the
 * key, and whether rows are kept current (CDC upserts and deletes by primary key) or appended, one per change.
 */
public final class TableLayout {

    /** A source column and the BigQuery column it is written to. */
    public record MappedColumn(String sourceName, String name, ColumnType type) {
    }

    private final TableId source;
    private final String table;
    private final List<MappedColumn> columns;
    private final List<String> primaryKey;
    private final boolean cdc;

    private TableLayout(TableId source, String table, List<MappedColumn> columns, List<String> primaryKey, boolean cdc) {
        this.source = source;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.cdc = cdc;
    }

    /**
     * @param columns    the source columns in their order (a Relation message's, or the copy's)
     * @param primaryKey the source's primary key column names; empty makes the table append-only
     */
    public static TableLayout of(TableId source, List<Column> columns, List<String> primaryKey, boolean appendOnly,
                                 SourceTypes types) {
        List<MappedColumn> mapped = new ArrayList<>(columns.size());
        Map<String, String> seen = new HashMap<>();
        for (Column c : columns) {
            String name = BigQueryNames.column(c.name());
            String clash = seen.put(name.toLowerCase(Locale.ROOT), c.name());
            if (clash != null) {
                throw new SinkFailure("columns \"" + clash + "\" and \"" + c.name() + "\" of " + source
                        + " would both be BigQuery column " + name + " (BigQuery names ignore case and allow only"
                        + " letters, digits and _)", "rename one of them on the source", false, null);
            }
            mapped.add(new MappedColumn(c.name(), name, TypeMapping.map(types.resolve(c.typeOid(), c.typeModifier()))));
        }
        for (String k : primaryKey) {
            MappedColumn key = mapped.stream().filter(m -> m.sourceName().equals(k)).findFirst().orElse(null);
            if (key != null && key.type().repeated()) {
                // an array cannot be a BigQuery key column: keep the table's history instead
                return new TableLayout(source, BigQueryNames.table(source), mapped, List.of(), false);
            }
        }
        boolean cdc = !primaryKey.isEmpty() && !appendOnly;
        return new TableLayout(source, BigQueryNames.table(source), mapped, primaryKey, cdc);
    }

    public TableId source() {
        return source;
    }

    public String table() {
        return table;
    }

    public List<MappedColumn> columns() {
        return columns;
    }

    /** Source names of the primary key columns (empty for append-only tables without a key). */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** True: current-state table with CDC upserts/deletes; false: one appended row per change. */
    public boolean cdc() {
        return cdc;
    }

    public int indexOf(String sourceName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).sourceName().equals(sourceName)) {
                return i;
            }
        }
        return -1;
    }

    /** BigQuery names of the key columns, for the table's {@code PRIMARY KEY (…) NOT ENFORCED}. */
    public List<String> primaryKeyColumns() {
        return primaryKey.stream().map(k -> columns.get(indexOf(k)).name()).toList();
    }

    /** The BigQuery schema a new table gets: the source's columns, then the metadata columns. */
    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (MappedColumn c : columns) {
            fields.add(field(c));
        }
        fields.addAll(metadataFields());
        return Schema.of(fields);
    }

    static Field field(MappedColumn c) {
        return Field.newBuilder(c.name(), c.type().kind().bigQuery())
                .setMode(c.type().repeated() ? Field.Mode.REPEATED : Field.Mode.NULLABLE)
                .setDescription("PostgreSQL column \"" + c.sourceName() + "\"")
                .build();
    }

    List<Field> metadataFields() {
        List<Field> out = new ArrayList<>();
        out.add(nullable(BigQueryNames.COMMIT_TIME, StandardSQLTypeName.TIMESTAMP,
                "source commit time of the change that wrote this row (NULL: initial copy)"));
        out.add(nullable(BigQueryNames.LSN, StandardSQLTypeName.INT64,
                "source commit LSN of that change as a number (NULL: initial copy)"));
        if (!cdc) {
            out.add(nullable(BigQueryNames.OPERATION, StandardSQLTypeName.STRING,
                    "insert, update, delete, truncate or snapshot"));
            out.add(nullable(BigQueryNames.CHANGE_POSITION, StandardSQLTypeName.INT64,
                    "position of the row in its source transaction"));
            out.add(nullable(BigQueryNames.CHANGE_ID, StandardSQLTypeName.STRING,
                    "unique per change; a replay writes the same id again (deduplicate on it)"));
        }
        return out;
    }

    private static Field nullable(String name, StandardSQLTypeName type, String description) {
        return Field.newBuilder(name, type).setMode(Field.Mode.NULLABLE).setDescription(description).build();
    }
}
