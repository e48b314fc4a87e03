package io.walbridge.core.source;

import io.walbridge.core.change.TableId;

import java.util.List;

/**
 * What a destination needs to create a table like the source's: columns with their types, the primary
 * key, and the user-defined types those columns use (in creation order, dependencies first).
 */
public record TableDefinition(TableId id, List<ColumnDefinition> columns, List<String> primaryKey,
                              List<TypeDefinition> types) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        types = List.copyOf(types);
    }

    /**
     * @param type the type as {@code format_type} prints it with schema qualification, e.g. {@code "Sales".mood[]}
     */
    public record ColumnDefinition(String name, String type, int typeOid, int typeModifier) {
    }

    /** The columns as a pgoutput Relation message would list them (replica-identity flags aside). */
    public List<io.walbridge.core.change.Column> layout() {
        return columns.stream().map(c -> new io.walbridge.core.change.Column(c.name(), c.typeOid(), c.typeModifier(), false))
                .toList();
    }
}
