package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.TableId;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Primary keys of tables WalBridge created for a copy and will add once the copy is complete
 * (one sorted index build costs far less than maintaining the index row by row during COPY). Kept in
 * the destination, in the same transactions as the table's creation and the key's addition, so a copy
 * interrupted by a crash still gets its key when it is redone.
 */
final class DeferredKeys {

    private final Connection connection;
    private final String pipeline;

    DeferredKeys(Connection connection, String pipeline) {
        this.connection = connection;
        this.pipeline = pipeline;
    }

    void ensureExists() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS walbridge.deferred_key (
                        pipeline text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL, key_columns text[] NOT NULL,
                        PRIMARY KEY (pipeline, table_schema, table_name))""");
        }
    }

    void record(TableId table, List<String> columns) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO walbridge.deferred_key (pipeline, table_schema, table_name, key_columns) VALUES (?, ?, ?, ?)
                ON CONFLICT (pipeline, table_schema, table_name) DO UPDATE SET key_columns = EXCLUDED.key_columns""")) {
            bindTable(ps, table);
            ps.setArray(4, connection.createArrayOf("text", columns.toArray()));
            ps.executeUpdate();
        }
    }

    Optional<List<String>> load(TableId table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT key_columns FROM walbridge.deferred_key WHERE pipeline = ? AND table_schema = ? AND table_name = ?")) {
            bindTable(ps, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array a = rs.getArray(1);
                return Optional.of(Arrays.stream((Object[]) a.getArray()).map(String.class::cast).toList());
            }
        }
    }

    void forget(TableId table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM walbridge.deferred_key WHERE pipeline = ? AND table_schema = ? AND table_name = ?")) {
            bindTable(ps, table);
            ps.executeUpdate();
        }
    }

    private void bindTable(PreparedStatement ps, TableId table) throws SQLException {
        ps.setString(1, pipeline);
        ps.setString(2, table.schema());
        ps.setString(3, table.name());
    }
}
