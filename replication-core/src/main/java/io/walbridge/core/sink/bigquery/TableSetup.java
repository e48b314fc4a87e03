package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.PrimaryKey;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableConstraints;
import io.walbridge.core.sink.SinkFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the BigQuery table of a source table ready to be written: created when missing, columns the source
 * gained added, and refused with a clear message when the table cannot take what WalBridge writes.
 */
final class TableSetup {

    private final DatasetCatalog catalog;

    TableSetup(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    Table ensure(TableLayout layout) {
        Table t = catalog.table(layout.table());
        if (t == null) {
            return catalog.create(layout.table(), layout.schema(), layout.cdc() ? layout.primaryKeyColumns() : List.of(),
                    "Replicated by WalBridge from PostgreSQL table " + layout.source().quoted()
                            + (layout.cdc() ? " (current rows)" : " (one row per change)"), true);
        }
        checkKey(layout, t);
        Map<String, Field> existing = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Field f : t.getDefinition().getSchema().getFields()) {
            existing.put(f.getName(), f);
        }
        List<Field> wanted = new ArrayList<>();
        layout.columns().forEach(c -> wanted.add(TableLayout.field(c)));
        wanted.addAll(layout.metadataFields());
        List<Field> missing = new ArrayList<>();
        for (Field w : wanted) {
            Field have = existing.get(w.getName());
            if (have == null) {
                missing.add(w);
            } else if (have.getType().getStandardType() != w.getType().getStandardType() || have.getMode() != w.getMode()
                    && (have.getMode() == Field.Mode.REPEATED || w.getMode() == Field.Mode.REPEATED)) {
                throw new SinkFailure("BigQuery column " + layout.table() + "." + have.getName() + " is "
                        + describe(have) + ", but the source column now needs " + describe(w)
                        + " (BigQuery cannot change a column's type)",
                        "drop the BigQuery table and copy it again (walbridge run --resnapshot " + layout.source()
                                + "), or change the column on the source back", false, null);
            }
        }
        return missing.isEmpty() ? t : catalog.addColumns(t, missing);
    }

    private static void checkKey(TableLayout layout, Table t) {
        TableConstraints constraints = t.getTableConstraints();
        PrimaryKey pk = constraints == null ? null : constraints.getPrimaryKey();
        List<String> have = pk == null || pk.getColumns() == null ? List.of()
                : pk.getColumns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> want = layout.cdc() ? layout.primaryKeyColumns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()
                : List.of();
        if (!have.equals(want)) {
            throw new SinkFailure("BigQuery table " + layout.table() + " has primary key " + have + ", but "
                    + layout.source() + " needs " + (want.isEmpty() ? "none (it is written one row per change)" : want),
                    "drop the BigQuery table and let WalBridge create it (walbridge run --resnapshot " + layout.source()
                            + ")", false, null);
        }
    }

    private static String describe(Field f) {
        return f.getMode() == Field.Mode.REPEATED ? "ARRAY<" + f.getType().getStandardType() + ">"
                : f.getType().getStandardType().name();
    }
}
