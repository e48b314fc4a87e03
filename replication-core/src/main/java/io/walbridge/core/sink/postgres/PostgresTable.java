package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Change;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.sql.Sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes one table's changes to the destination. Values travel in PostgreSQL's text format and are
 * cast to the destination column's type, so numeric NaN, infinities, intervals and arrays keep their
 * exact meaning. Rows are found by the destination's primary key; a table without one is matched on
 * the replica-identity columns and exactly one matching row is changed, as PostgreSQL's subscriber does.
 */
final class PostgresTable {

    private final TableId id;
    private final Map<String, DestinationColumn> columns = new HashMap<>();
    private final List<String> primaryKey;
    /** INSERT/upsert by the indexes of the columns a change carries. */
    private final Map<List<Integer>, StagedInsert> inserts = new HashMap<>();
    private final Supplier<String> stageNames;

    PostgresTable(TableId id, List<DestinationColumn> columns, List<String> primaryKey, Supplier<String> stageNames) {
        this.id = id;
        this.stageNames = stageNames;
        for (DestinationColumn c : columns) {
            this.columns.put(c.name(), c);
        }
        this.primaryKey = List.copyOf(primaryKey);
    }

    void write(Change change, StatementBatch batch) throws SQLException {
        if (change instanceof Change.Insert i) {
            insert(i.table(), i.newRow(), batch, true);
        } else if (change instanceof Change.Update u) {
            update(u, batch);
        } else if (change instanceof Change.Delete d) {
            List<Integer> match = matchColumns(d.table(), d.oldRow());
            batch.add("DELETE FROM " + id.quoted() + where(d.table(), match), ps -> bind(ps, 1, d.table(), d.oldRow(), match));
        } else {
            throw new IllegalArgumentException("not a row change: " + change);
        }
    }

    /** @param isNew the row comes from an Insert change (an update of a whole row is written as an upsert too) */
    private void insert(TableSchema rel, Row row, StatementBatch batch, boolean isNew) throws SQLException {
        List<Integer> all = present(rel, row);
        // the statements depend only on which columns were sent, since a PostgresTable only ever sees one
        // column layout (the sink makes a new one on change): build them once per column set
        StagedInsert insert = inserts.computeIfAbsent(all, cols -> insertFor(rel, cols));
        batch.addInsert(insert, primaryKey.isEmpty() ? null : keyOf(rel, row), row, isNew);
    }

    /** The row's primary-key cells (the cell alone for a one-column key): equal for two versions of one row. */
    private Object keyOf(TableSchema rel, Row row) {
        if (primaryKey.size() == 1) {
            int i = rel.indexOf(primaryKey.get(0));
            return i < 0 ? List.of() : row.get(i);
        }
        List<Cell> key = new ArrayList<>(primaryKey.size());
        for (String k : primaryKey) {
            int i = rel.indexOf(k);
            key.add(i < 0 ? null : row.get(i));
        }
        return key;
    }

    private StagedInsert insertFor(TableSchema rel, List<Integer> all) {
        StringBuilder conflict = new StringBuilder();
        if (!primaryKey.isEmpty()) {
            // replays after a snapshot or a lost confirmation must not fail on rows already there
            List<Integer> rest = all.stream().filter(i -> !primaryKey.contains(rel.columns().get(i).name())).toList();
            conflict.append(" ON CONFLICT (").append(primaryKey.stream().map(Sql::ident).collect(Collectors.joining(", ")))
                    .append(rest.isEmpty() ? ") DO NOTHING" : ") DO UPDATE SET " + rest.stream()
                            .map(i -> Sql.ident(rel.columns().get(i).name()) + " = EXCLUDED." + Sql.ident(rel.columns().get(i).name()))
                            .collect(Collectors.joining(", ")));
        }
        List<DestinationColumn> cols = all.stream().map(i -> column(rel, i)).toList();
        return new StagedInsert(id, all, cols, conflict.toString(), stageNames.get());
    }

    private void update(Change.Update u, StatementBatch batch) throws SQLException {
        TableSchema rel = u.table();
        Row newRow = u.newRow();
        List<Integer> set = present(rel, newRow);
        boolean complete = set.size() == rel.columns().size();
        if (!primaryKey.isEmpty()) {
            boolean keyMoved = u.oldRow() != null && !sameKey(rel, u.oldRow(), newRow);
            if (complete) {
                if (keyMoved) {
                    List<Integer> oldMatch = matchColumns(rel, u.oldRow());
                    batch.add("DELETE FROM " + id.quoted() + where(rel, oldMatch), ps -> bind(ps, 1, rel, u.oldRow(), oldMatch));
                }
                insert(rel, newRow, batch, false);
                return;
            }
            // pgoutput sends 'u' for unchanged TOAST: update only what was sent, keep the destination's value
            Row keyRow = keyMoved ? u.oldRow() : newRow;
            List<Integer> match = matchColumns(rel, keyRow);
            batch.add("UPDATE " + id.quoted() + " SET " + assignments(rel, set) + where(rel, match), ps -> {
                int next = bind(ps, 1, rel, newRow, set);
                bind(ps, next, rel, keyRow, match);
            });
            return;
        }
        Row oldRow = u.oldRow() != null ? u.oldRow() : newRow;
        List<Integer> match = matchColumns(rel, oldRow);
        batch.add("UPDATE " + id.quoted() + " SET " + assignments(rel, set) + where(rel, match), ps -> {
            int next = bind(ps, 1, rel, newRow, set);
            bind(ps, next, rel, oldRow, match);
        });
    }

    /** Columns that identify the row: the destination's primary key, else every identity column that was sent. */
    private List<Integer> matchColumns(TableSchema rel, Row row) {
        List<Integer> out = new ArrayList<>();
        if (!primaryKey.isEmpty()) {
            for (String k : primaryKey) {
                int i = rel.indexOf(k);
                if (i < 0 || row.get(i) instanceof Cell.Unchanged) {
                    throw new SinkFailure("cannot find rows of " + id + ": key column " + k + " is not in the change",
                            "give the source table the same primary key as the destination", false, null);
                }
                out.add(i);
            }
            return out;
        }
        List<Column> cols = rel.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).key() && !(row.get(i) instanceof Cell.Unchanged)) {
                out.add(i);
            }
        }
        if (out.isEmpty()) {
            throw new SinkFailure("cannot apply an update or delete to " + id + ": it has no primary key or replica identity",
                    "on the source: ALTER TABLE " + id.quoted() + " REPLICA IDENTITY FULL (or add a primary key)", false, null);
        }
        return out;
    }

    private String where(TableSchema rel, List<Integer> match) {
        if (!primaryKey.isEmpty()) {
            return " WHERE " + match.stream().map(i -> Sql.ident(rel.columns().get(i).name()) + " = " + cast(rel, i))
                    .collect(Collectors.joining(" AND "));
        }
        // without a key, duplicates are possible: change exactly one matching row
        String cond = match.stream().map(i -> {
            DestinationColumn c = column(rel, i);
            return c.comparableAsText()
                    ? Sql.ident(c.name()) + "::text IS NOT DISTINCT FROM (" + cast(rel, i) + ")::text"
                    : Sql.ident(c.name()) + " IS NOT DISTINCT FROM " + cast(rel, i);
        }).collect(Collectors.joining(" AND "));
        return " WHERE ctid = (SELECT ctid FROM " + id.quoted() + " WHERE " + cond + " LIMIT 1)";
    }

    private boolean sameKey(TableSchema rel, Row oldRow, Row newRow) {
        for (String k : primaryKey) {
            int i = rel.indexOf(k);
            if (i >= 0 && !oldRow.get(i).equals(newRow.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Indexes 0..n-1, shared by every complete row (most rows: only updates leave TOASTed values out). */
    private List<Integer> everyColumn = List.of();

    private List<Integer> present(TableSchema rel, Row row) {
        boolean complete = true;
        for (int i = 0; i < row.size() && complete; i++) {
            complete = !(row.get(i) instanceof Cell.Unchanged);
        }
        if (complete) {
            if (everyColumn.size() != row.size()) {
                everyColumn = java.util.stream.IntStream.range(0, row.size()).boxed().toList();
            }
            return everyColumn;
        }
        List<Integer> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            if (!(row.get(i) instanceof Cell.Unchanged)) {
                out.add(i);
            }
        }
        return out;
    }

    private String assignments(TableSchema rel, List<Integer> idx) {
        return idx.stream().map(i -> Sql.ident(column(rel, i).name()) + " = " + cast(rel, i)).collect(Collectors.joining(", "));
    }

    private String cast(TableSchema rel, int i) {
        return "CAST(? AS " + column(rel, i).type() + ")";
    }

    private DestinationColumn column(TableSchema rel, int i) {
        String name = rel.columns().get(i).name();
        DestinationColumn c = columns.get(name);
        if (c == null) {
            throw new SinkFailure("destination table " + id + " has no column \"" + name + "\" that the source sends",
                    "add the column on the destination (ALTER TABLE " + id.quoted() + " ADD COLUMN " + Sql.ident(name)
                            + " …) or re-create the table", false, null);
        }
        return c;
    }

    /** Binds the given cells from {@code parameter} on; returns the next free parameter index. */
    private static int bind(PreparedStatement ps, int parameter, TableSchema rel, Row row, List<Integer> idx) throws SQLException {
        int p = parameter;
        for (int i : idx) {
            Cell cell = row.get(i);
            if (cell instanceof Cell.Text t) {
                // untyped, so the server parses the text with the CAST's type: no client-side conversion
                ps.setObject(p++, t.value(), Types.OTHER);
            } else if (cell instanceof Cell.Null) {
                ps.setNull(p++, Types.OTHER);
            } else {
                throw new IllegalStateException("unexpected cell " + cell + " in " + rel.id());
            }
        }
        return p;
    }
}
