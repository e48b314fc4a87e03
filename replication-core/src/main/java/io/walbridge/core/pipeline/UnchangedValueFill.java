package io.walbridge.core.pipeline;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Change;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.ReplicaIdentity;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.change.TableSchema;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * For destinations that replace whole rows (BigQuery's UPSERT): fills in the TOASTed values an update left
 * unchanged (pgoutput's {@code u}) before the sink sees the update. Under REPLICA IDENTITY FULL the old row
 * carries them. Otherwise they are read from the source by key — their current value, which may be newer
 * than the update; every later change of the row comes after with a higher sequence number, so the
 * destination still ends at the source's state.
 */
public final class UnchangedValueFill implements Sink {

    private static final int KEYS_PER_QUERY = 500;

    private final Sink delegate;
    private final PgEndpoint source;
    private final SourceCatalog catalog;
    private final Map<io.walbridge.core.change.TableId, TableDefinition> definitions = new HashMap<>();

    public UnchangedValueFill(Sink delegate, PgEndpoint source, SourceCatalog catalog) {
        this.delegate = delegate;
        this.source = source;
        this.catalog = catalog;
    }

    @Override
    public Optional<Lsn> durablePosition() {
        return delegate.durablePosition();
    }

    @Override
    public Optional<Lsn> apply(List<SourceEvent> events) {
        Map<TableSchema, List<Integer>> lookups = new LinkedHashMap<>();
        List<SourceEvent> out = new ArrayList<>(events);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Change.Update u && hasUnchanged(u.newRow())) {
                Row filled = fromOldRow(u);
                if (filled != null) {
                    out.set(i, new Change.Update(u.table(), u.oldRow(), filled));
                } else {
                    lookups.computeIfAbsent(u.table(), t -> new ArrayList<>()).add(i);
                }
            }
        }
        if (!lookups.isEmpty()) {
            try (Connection c = source.connect()) {
                for (Map.Entry<TableSchema, List<Integer>> e : lookups.entrySet()) {
                    fillFromSource(c, e.getKey(), e.getValue(), out);
                }
            } catch (SQLException e) {
                throw new SinkFailure("could not read unchanged TOASTed values from the source: " + e.getMessage(),
                        "WalBridge retries; check that the source is reachable", true, e);
            }
        }
        return delegate.apply(out);
    }

    private static boolean hasUnchanged(Row row) {
        return row.cells().stream().anyMatch(c -> c instanceof Cell.Unchanged);
    }

    /** Under REPLICA IDENTITY FULL the old row holds every value (detoasted): take the unchanged ones from it. */
    private static Row fromOldRow(Change.Update u) {
        Row old = u.oldRow();
        if (u.table().replicaIdentity() != ReplicaIdentity.FULL || old == null || hasUnchanged(old)) {
            return null;
        }
        List<Cell> cells = new ArrayList<>(u.newRow().cells());
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof Cell.Unchanged) {
                cells.set(i, old.get(i));
            }
        }
        return new Row(cells);
    }

    private void fillFromSource(Connection c, TableSchema rel, List<Integer> indexes, List<SourceEvent> out)
            throws SQLException {
        TableDefinition def = definitions.computeIfAbsent(rel.id(), catalog::describe);
        List<String> key = def.primaryKey().isEmpty() ? rel.keyColumns().stream().map(Column::name).toList() : def.primaryKey();
        if (key.isEmpty()) {
            throw new SinkFailure("an update of " + rel.id() + " left TOASTed values unchanged, and the table has no key"
                    + " to read them by", "on the source: ALTER TABLE " + rel.id().quoted() + " REPLICA IDENTITY FULL",
                    false, null);
        }
        List<Integer> keyIdx = key.stream().map(rel::indexOf).toList();
        Map<String, String> types = def.columns().stream()
                .collect(Collectors.toMap(TableDefinition.ColumnDefinition::name, TableDefinition.ColumnDefinition::type));
        for (int from = 0; from < indexes.size(); from += KEYS_PER_QUERY) {
            List<Integer> part = indexes.subList(from, Math.min(indexes.size(), from + KEYS_PER_QUERY));
            Map<List<String>, List<String>> current = read(c, rel, key, keyIdx, types, part, out);
            for (int i : part) {
                Change.Update u = (Change.Update) out.get(i);
                List<String> values = current.get(keyOf(u.newRow(), keyIdx));
                List<Cell> cells = new ArrayList<>(u.newRow().cells());
                for (int col = 0; col < cells.size(); col++) {
                    if (cells.get(col) instanceof Cell.Unchanged) {
                        // no row: it was deleted (or its key changed) later in the stream, which the sink will apply
                        String v = values == null ? null : values.get(col);
                        cells.set(col, v == null ? Cell.NULL : Cell.text(v));
                    }
                }
                out.set(i, new Change.Update(u.table(), u.oldRow(), new Row(cells)));
            }
        }
    }

    /** The current text values of every column, by key, for the updates at {@code part}. */
    private static Map<List<String>, List<String>> read(Connection c, TableSchema rel, List<String> key,
                                                        List<Integer> keyIdx, Map<String, String> types,
                                                        List<Integer> part, List<SourceEvent> out) throws SQLException {
        String columns = rel.columns().stream().map(col -> Sql.ident(col.name()) + "::text").collect(Collectors.joining(", "));
        String keyList = key.stream().map(Sql::ident).collect(Collectors.joining(", "));
        String one = "(" + key.stream().map(k -> "CAST(? AS " + types.get(k) + ")").collect(Collectors.joining(", ")) + ")";
        String sql = "SELECT " + columns + " FROM " + rel.id().quoted() + " WHERE (" + keyList + ") IN ("
                + String.join(", ", java.util.Collections.nCopies(part.size(), one)) + ")";
        Map<List<String>, List<String>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (int i : part) {
                for (String k : keyOf(((Change.Update) out.get(i)).newRow(), keyIdx)) {
                    ps.setString(p++, k);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>(rel.columns().size());
                    for (int col = 1; col <= rel.columns().size(); col++) {
                        row.add(rs.getString(col));
                    }
                    List<String> k = keyIdx.stream().map(row::get).toList();
                    found.put(k, row);
                }
            }
        }
        return found;
    }

    private static List<String> keyOf(Row row, List<Integer> keyIdx) {
        List<String> out = new ArrayList<>(keyIdx.size());
        for (int i : keyIdx) {
            if (!(row.get(i) instanceof Cell.Text t)) {
                throw new SinkFailure("an update's key column has no value", "check the table's replica identity", false, null);
            }
            out.add(t.value());
        }
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
