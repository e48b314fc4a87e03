package io.walbridge.core.change;

import java.util.List;

/** A relation as the source described it in its latest Relation message. */
public record TableSchema(int relationOid, TableId id, ReplicaIdentity replicaIdentity, List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
    }

    public List<Column> keyColumns() {
        return columns.stream().filter(Column::key).toList();
    }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
