package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.SnapshotTarget;
import io.walbridge.core.snapshot.TxidSnapshot;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.sql.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Receives table copies in a PostgreSQL destination. A table's completion is recorded in
 * {@code walbridge.snapshot_table}; a table copied only in part is emptied and copied again.
 */
public final class PostgresSnapshotTarget implements SnapshotTarget {

    private static final int BUFFER = 256 * 1024;

    private final PgEndpoint target;
    private final String pipeline;

    public PostgresSnapshotTarget(PgEndpoint target, String pipeline) {
        this.target = target;
        this.pipeline = pipeline;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS walbridge");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS walbridge.snapshot_table (
                        pipeline text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL,
                        snapshot text NOT NULL, rows bigint NOT NULL, completed_at timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (pipeline, table_schema, table_name))""");
            new DeferredKeys(c, pipeline).ensureExists();
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "prepare the destination for table copies");
        }
    }

    @Override
    public Map<TableId, TxidSnapshot> completedTables() {
        Map<TableId, TxidSnapshot> out = new HashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT table_schema, table_name, snapshot FROM walbridge.snapshot_table WHERE pipeline = ?")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new TableId(rs.getString(1), rs.getString(2)), TxidSnapshot.parse(rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "read which tables were copied");
        }
    }

    @Override
    public CopyFormat prepareTable(TableDefinition table) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            DestinationCatalog catalog = new DestinationCatalog(c);
            List<DestinationColumn> existing = catalog.columns(table.id());
            if (existing.isEmpty()) {
                // a table made here gets its primary key after the copy; a table that existed keeps its indexes
                boolean deferKey = !table.primaryKey().isEmpty();
                catalog.create(table, !deferKey);
                if (deferKey) {
                    new DeferredKeys(c, pipeline).record(table.id(), table.primaryKey());
                }
                existing = catalog.columns(table.id());
            }
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + table.id().quoted());
            }
            // the copy has the source's current columns: later Relation messages are compared with these
            RelationShapes shapes = new RelationShapes(c, pipeline);
            shapes.ensureExists();
            shapes.save(table.id(), table.layout());
            c.commit();
            return sameTypes(table, existing) && table.types().isEmpty() ? CopyFormat.BINARY : CopyFormat.TEXT;
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "prepare " + table.id() + " for its copy");
        }
    }

    /** Binary COPY carries type-specific layouts, so it is only safe when both sides use the same types. */
    private static boolean sameTypes(TableDefinition table, List<DestinationColumn> existing) {
        Map<String, String> dest = existing.stream().collect(Collectors.toMap(DestinationColumn::name, DestinationColumn::type));
        return table.columns().stream().allMatch(c -> c.type().equals(dest.get(c.name())));
    }

    @Override
    public ChunkWriter openChunk(TableDefinition table, CopyFormat format) {
        try {
            Connection c = connect();
            c.setAutoCommit(false);
            String columns = table.columns().stream().map(col -> Sql.ident(col.name())).collect(Collectors.joining(", "));
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.id().quoted() + " (" + columns
                    + ") FROM STDIN" + (format == CopyFormat.BINARY ? " (FORMAT binary)" : ""));
            return new PostgresChunkWriter(c, in, BUFFER);
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "start copying into " + table.id());
        }
    }

    @Override
    public void completeTable(TableId table, TxidSnapshot snapshot, long rows) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            // the key and the completion commit together: a crash between them leaves the copy incomplete, to be redone
            DeferredKeys keys = new DeferredKeys(c, pipeline);
            Optional<List<String>> key = keys.load(table);
            if (key.isPresent()) {
                new DestinationCatalog(c).addPrimaryKey(table, key.get());
                keys.forget(table);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO walbridge.snapshot_table (pipeline, table_schema, table_name, snapshot, rows)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (pipeline, table_schema, table_name)
                    DO UPDATE SET snapshot = EXCLUDED.snapshot, rows = EXCLUDED.rows, completed_at = now()""")) {
                ps.setString(1, pipeline);
                ps.setString(2, table.schema());
                ps.setString(3, table.name());
                ps.setString(4, snapshot.toString());
                ps.setLong(5, rows);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "record the copy of " + table);
        }
    }

    @Override
    public void forgetTable(TableId table) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM walbridge.snapshot_table WHERE pipeline = ? AND table_schema = ? AND table_name = ?")) {
            ps.setString(1, pipeline);
            ps.setString(2, table.schema());
            ps.setString(3, table.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SinkErrors.translate(e, "reset the copy of " + table);
        }
    }

    private Connection connect() throws SQLException {
        return target.connect();
    }

    /** Buffers COPY data into large messages and commits the chunk's transaction at the end. */
    private static final class PostgresChunkWriter implements ChunkWriter {
        private final Connection connection;
        private final CopyIn in;
        private final byte[] buffer;
        private int used;

        PostgresChunkWriter(Connection connection, CopyIn in, int size) {
            this.connection = connection;
            this.in = in;
            this.buffer = new byte[size];
        }

        @Override
        public void write(byte[] data, int length) throws IOException {
            try {
                if (used + length > buffer.length) {
                    flush();
                }
                if (length > buffer.length) {
                    in.writeToCopy(data, 0, length);
                } else {
                    System.arraycopy(data, 0, buffer, used, length);
                    used += length;
                }
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        private void flush() throws SQLException {
            if (used > 0) {
                in.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public long commit() throws IOException {
            try {
                flush();
                long rows = in.endCopy();
                connection.commit();
                return rows;
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                connection.close();
            } catch (SQLException e) {
                // abandoning the chunk: its transaction is rolled back with the connection
            }
        }
    }
}
