package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Column;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.TypeDefinition;
import io.walbridge.core.sql.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings a destination table's columns in line with a changed source relation: added, dropped,
 * renamed and retyped columns, in the destination transaction that carries the rows needing them.
 */
final class SchemaEvolution {

    private static final Logger log = LoggerFactory.getLogger(SchemaEvolution.class);

    private final Connection connection;
    private final SourceCatalog source;
    private final DestinationCatalog catalog;

    SchemaEvolution(Connection connection, SourceCatalog source, DestinationCatalog catalog) {
        this.connection = connection;
        this.source = source;
        this.catalog = catalog;
    }

    /** Applies the difference between two versions of a relation. */
    void apply(TableSchema before, TableSchema after) throws SQLException {
        TableId id = after.id();
        // the destination may be ahead already (created from the current definition): change only what differs
        java.util.Map<String, String> dest = catalog.columns(id).stream()
                .collect(Collectors.toMap(DestinationColumn::name, DestinationColumn::type));
        Set<String> oldNames = before.columns().stream().map(Column::name).collect(Collectors.toSet());
        Set<String> newNames = after.columns().stream().map(Column::name).collect(Collectors.toSet());
        java.util.Map<String, Column> renamedFrom = new java.util.HashMap<>();
        try (Statement s = connection.createStatement()) {
            // a rename looks like a drop and an add at the same position with the same type
            for (int i = 0; i < Math.min(before.columns().size(), after.columns().size()); i++) {
                Column o = before.columns().get(i);
                Column n = after.columns().get(i);
                if (!o.name().equals(n.name()) && !newNames.contains(o.name()) && !oldNames.contains(n.name())
                        && o.typeOid() == n.typeOid() && o.typeModifier() == n.typeModifier()
                        && dest.containsKey(o.name()) && !dest.containsKey(n.name())) {
                    run(s, id, "ALTER TABLE " + id.quoted() + " RENAME COLUMN " + Sql.ident(o.name()) + " TO " + Sql.ident(n.name()));
                    oldNames.remove(o.name());
                    oldNames.add(n.name());
                    renamedFrom.put(n.name(), o);
                }
            }
            for (Column o : before.columns()) {
                if (oldNames.contains(o.name()) && !newNames.contains(o.name())) {
                    run(s, id, "ALTER TABLE " + id.quoted() + " DROP COLUMN IF EXISTS " + Sql.ident(o.name()));
                }
            }
            for (Column n : after.columns()) {
                if (!oldNames.contains(n.name())) {
                    addColumn(s, id, n, dest.containsKey(n.name()));
                } else {
                    Column o = renamedFrom.getOrDefault(n.name(),
                            before.columns().stream().filter(c -> c.name().equals(n.name())).findFirst().orElse(n));
                    String type = o.typeOid() == n.typeOid() && o.typeModifier() == n.typeModifier() ? null
                            : source.typeName(n.typeOid(), n.typeModifier());
                    if (type != null && !type.equals(dest.get(n.name()))) {
                        ensureTypes(id);
                        run(s, id, "ALTER TABLE " + id.quoted() + " ALTER COLUMN " + Sql.ident(n.name()) + " TYPE " + type
                                + " USING " + Sql.ident(n.name()) + "::text::" + type);
                    }
                }
            }
        }
    }

    /** Adds columns the destination lacks (the source changed while WalBridge was not running). */
    void addMissing(TableSchema relation, List<DestinationColumn> existing) throws SQLException {
        Set<String> have = existing.stream().map(DestinationColumn::name).collect(Collectors.toSet());
        try (Statement s = connection.createStatement()) {
            for (Column c : relation.columns()) {
                if (!have.contains(c.name())) {
                    addColumn(s, relation.id(), c, false);
                }
            }
        }
    }

    /**
     * Adds a column. Rows that existed before a source {@code ADD COLUMN … DEFAULT} get the default
     * without any WAL, so the destination's existing rows are given the same value.
     */
    private void addColumn(Statement s, TableId id, Column c, boolean exists) throws SQLException {
        if (exists) {
            return;
        }
        ensureTypes(id);
        String type = source.typeName(c.typeOid(), c.typeModifier());
        String add = "ALTER TABLE " + id.quoted() + " ADD COLUMN " + Sql.ident(c.name()) + " " + type;
        java.util.Optional<String> missing = source.missingValue(id, c.name());
        if (missing.isPresent()) {
            run(s, id, add + " DEFAULT (CAST(" + Sql.literal(missing.get()) + " AS " + type + "[]))[1]");
            run(s, id, "ALTER TABLE " + id.quoted() + " ALTER COLUMN " + Sql.ident(c.name()) + " DROP DEFAULT");
        } else {
            run(s, id, add);
        }
    }

    private void ensureTypes(TableId id) throws SQLException {
        for (TypeDefinition t : source.describe(id).types()) {
            catalog.createType(t);
        }
    }

    private static void run(Statement s, TableId id, String ddl) throws SQLException {
        log.info("schema change on {}: {}", id, ddl);
        try {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new SinkFailure("the destination cannot take a schema change of " + id + ": " + e.getMessage()
                    .lines().findFirst().orElse(""), "change the destination table by hand to match the source ("
                    + ddl + "), then start WalBridge again", false, e);
        }
    }
}
