package io.walbridge.core.sink.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walbridge.core.change.Column;
import io.walbridge.core.change.TableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The source column layout each destination table was last brought in line with, kept in the
 * destination with the data, so a schema change made while WalBridge was stopped is still seen as one.
 */
final class RelationShapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Column>> COLUMNS = new TypeReference<>() { };

    private final Connection connection;
    private final String pipeline;

    RelationShapes(Connection connection, String pipeline) {
        this.connection = connection;
        this.pipeline = pipeline;
    }

    void ensureExists() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS walbridge.relation_shape (
                        pipeline text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL, columns jsonb NOT NULL,
                        PRIMARY KEY (pipeline, table_schema, table_name))""");
        }
    }

    Optional<List<Column>> load(TableId table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT columns::text FROM walbridge.relation_shape WHERE pipeline = ? AND table_schema = ? AND table_name = ?")) {
            ps.setString(1, pipeline);
            ps.setString(2, table.schema());
            ps.setString(3, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), COLUMNS)) : Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty(); // an unreadable record is treated as none: columns are then matched by name
        }
    }

    void save(TableId table, List<Column> columns) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO walbridge.relation_shape (pipeline, table_schema, table_name, columns) VALUES (?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (pipeline, table_schema, table_name) DO UPDATE SET columns = EXCLUDED.columns""")) {
            ps.setString(1, pipeline);
            ps.setString(2, table.schema());
            ps.setString(3, table.name());
            ps.setString(4, JSON.writeValueAsString(columns));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the columns of " + table, e);
        }
    }
}
