package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.TableId;
import io.walbridge.core.snapshot.SnapshotTarget;
import io.walbridge.core.snapshot.TxidSnapshot;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.sql.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    private final Duration stallTimeout;

    public PostgresSnapshotTarget(PgEndpoint target, String pipeline) {
        this(target, pipeline, Duration.ofSeconds(30)); // PipelineConfig's default
    }

    /** @param stallTimeout how long a call may run before its session is checked for life ({@link StallWatch}) */
    public PostgresSnapshotTarget(PgEndpoint target, String pipeline, Duration stallTimeout) {
        this.target = target;
        this.pipeline = pipeline;
        this.stallTimeout = stallTimeout;
        onConnection("prepare the destination for table copies", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS walbridge");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS walbridge.snapshot_table (
                            pipeline text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL,
                            snapshot text NOT NULL, rows bigint NOT NULL, completed_at timestamptz NOT NULL DEFAULT now(),
                            PRIMARY KEY (pipeline, table_schema, table_name))""");
            }
            new DeferredKeys(c, pipeline).ensureExists();
            return null;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Runs one short piece of work on its own watched connection. */
    private <T> T onConnection(String doing, Work<T> work) {
        try (Connection c = connect(); StallWatch watch = StallWatch.of(target, c, stallTimeout)) {
            watch.begin();
            return work.on(c);
        } catch (SQLException e) {
            throw SinkErrors.translate(e, doing);
        }
    }

    @Override
    public Map<TableId, TxidSnapshot> completedTables() {
        return onConnection("read which tables were copied", c -> {
            Map<TableId, TxidSnapshot> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT table_schema, table_name, snapshot FROM walbridge.snapshot_table WHERE pipeline = ?")) {
                ps.setString(1, pipeline);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(new TableId(rs.getString(1), rs.getString(2)), TxidSnapshot.parse(rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public CopyFormat prepareTable(TableDefinition table) {
        return onConnection("prepare " + table.id() + " for its copy", c -> {
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
        });
    }

    /** Binary COPY carries type-specific layouts, so it is only safe when both sides use the same types. */
    private static boolean sameTypes(TableDefinition table, List<DestinationColumn> existing) {
        Map<String, String> dest = existing.stream().collect(Collectors.toMap(DestinationColumn::name, DestinationColumn::type));
        return table.columns().stream().allMatch(c -> c.type().equals(dest.get(c.name())));
    }

    @Override
    public ChunkWriter openChunk(TableDefinition table, CopyFormat format) {
        Connection c = null;
        StallWatch watch = null;
        try {
            c = connect();
            watch = StallWatch.of(target, c, stallTimeout);
            watch.begin();
            c.setAutoCommit(false);
            String columns = table.columns().stream().map(col -> Sql.ident(col.name())).collect(Collectors.joining(", "));
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table.id().quoted() + " (" + columns
                    + ") FROM STDIN" + (format == CopyFormat.BINARY ? " (FORMAT binary)" : ""));
            watch.end();
            return new PostgresChunkWriter(c, in, BUFFER, watch, "copy rows into " + table.id());
        } catch (SQLException e) {
            if (watch != null) {
                watch.close();
            }
            closeQuietly(c);
            throw SinkErrors.translate(e, "start copying into " + table.id());
        }
    }

    @Override
    public void completeTable(TableId table, TxidSnapshot snapshot, long rows) {
        onConnection("record the copy of " + table, c -> {
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
            return null;
        });
    }

    @Override
    public void forgetTable(TableId table) {
        onConnection("reset the copy of " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM walbridge.snapshot_table WHERE pipeline = ? AND table_schema = ? AND table_name = ?")) {
                ps.setString(1, pipeline);
                ps.setString(2, table.schema());
                ps.setString(3, table.name());
                return ps.executeUpdate();
            }
        });
    }

    private Connection connect() throws SQLException {
        return target.connect();
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            // abandoning a connection that failed to start a copy
        }
    }

    /** Buffers COPY data into large messages and commits the chunk's transaction at the end. */
    private static final class PostgresChunkWriter implements ChunkWriter {
        private final Connection connection;
        private final CopyIn in;
        private final byte[] buffer;
        private final StallWatch watch;
        private final String doing;
        private int used;

        PostgresChunkWriter(Connection connection, CopyIn in, int size, StallWatch watch, String doing) {
            this.connection = connection;
            this.in = in;
            this.buffer = new byte[size];
            this.watch = watch;
            this.doing = doing;
        }

        @Override
        public void write(byte[] data, int length) {
            watch.begin(); // a write blocks when the destination stops reading
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
                // a lost connection is retriable: thrown as the sink's failure, not as the copy's I/O error
                throw SinkErrors.translate(e, doing);
            } finally {
                watch.end();
            }
        }

        private void flush() throws SQLException {
            if (used > 0) {
                in.writeToCopy(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public long commit() {
            watch.begin();
            try {
                flush();
                long rows = in.endCopy();
                connection.commit();
                return rows;
            } catch (SQLException e) {
                throw SinkErrors.translate(e, doing);
            } finally {
                watch.end();
            }
        }

        @Override
        public void close() {
            watch.close();
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
