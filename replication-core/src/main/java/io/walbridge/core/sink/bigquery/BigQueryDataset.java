package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.FieldValueList;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import io.walbridge.core.source.TableDefinition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A replicated dataset as {@code walbridge verify} reads it: pipelines' positions, copied tables, table rows. */
public final class BigQueryDataset implements AutoCloseable {

    private final BigQueryClients clients;
    private final DatasetCatalog catalog;
    private final SourceTypes types;

    public BigQueryDataset(BigQueryTarget target, SourceTypes types) {
        this.clients = BigQueryClients.open(target);
        this.catalog = new DatasetCatalog(clients);
        this.types = types;
    }

    public BigQueryTarget target() {
        return clients.target();
    }

    /** Each pipeline's checkpoint in this dataset. */
    public Map<String, Lsn> checkpoints() {
        Map<String, Lsn> out = new HashMap<>();
        catalog.readAll(BigQueryNames.CHECKPOINT_TABLE, row -> {
            if (!row.get("lsn").isNull()) {
                out.merge(row.get("pipeline").getStringValue(), new Lsn(row.get("lsn").getLongValue()), Lsn::max);
            }
        });
        return out;
    }

    /** Source tables some pipeline copied into this dataset. */
    public Set<TableId> copiedTables() {
        Set<TableId> out = new TreeSet<>();
        catalog.readAll(BigQueryNames.SNAPSHOT_TABLE, row -> {
            if ("completed".equals(row.get("event").getStringValue())) {
                out.add(new TableId(row.get("table_schema").getStringValue(), row.get("table_name").getStringValue()));
            }
        });
        return out;
    }

    /** How the sink writes this source table. */
    public TableLayout layout(TableDefinition def) {
        return TableLayout.of(def.id(), def.layout(), def.primaryKey(), clients.target().isAppendOnly(def.id()), types);
    }

    public boolean exists(TableLayout layout) {
        return catalog.table(layout.table()) != null;
    }

    /** Every row of the table, through tabledata.list. */
    public void rows(TableLayout layout, Consumer<FieldValueList> row) {
        catalog.readAll(layout.table(), row);
    }

    @Override
    public void close() {
        clients.close();
    }
}
