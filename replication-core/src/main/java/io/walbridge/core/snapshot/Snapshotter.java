package io.walbridge.core.snapshot;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.SourceErrors;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.sql.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Copies tables from one consistent source snapshot into a {@link SnapshotTarget}: tables split into
 * page ranges, copied with COPY by parallel workers that all import the same exported snapshot.
 */
public final class Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(Snapshotter.class);
    private static final long MIN_CHUNK_PAGES = 1024;

    private final PgEndpoint source;
    private final SourceCatalog catalog;
    private final SnapshotTarget target;
    private final int workers;
    private final SnapshotProgress progress;

    public Snapshotter(PgEndpoint source, SnapshotTarget target, int workers, SnapshotProgress progress) {
        this.source = source;
        this.catalog = new SourceCatalog(source);
        this.target = target;
        this.workers = Math.max(1, workers);
        this.progress = progress;
    }

    /** Exports a snapshot of the source as it is now (a read-only transaction held open until closed). */
    public ExportedSnapshot exportNow() {
        try {
            Connection c = source.connect();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    return new ExportedSnapshot(rs.getString(1), c);
                }
            }
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "take a snapshot for the table copy");
            }
            throw new UserFacingException("could not take a snapshot of the source: " + e.getMessage(),
                    "check that the source accepts connections from this machine", e);
        }
    }

    /** Copies the tables at {@code snapshot}; returns, per table, the transactions the copy saw. */
    public Map<TableId, TxidSnapshot> copy(List<TableId> tables, ExportedSnapshot snapshot) throws InterruptedException {
        ConcurrentLinkedQueue<TableChunk> work = new ConcurrentLinkedQueue<>();
        Map<TableId, AtomicInteger> chunksLeft = new HashMap<>();
        Map<TableId, TableDefinition> definitions = new HashMap<>();
        for (TableId t : tables) {
            TableDefinition def = catalog.describe(t);
            definitions.put(t, def);
        }
        AtomicReference<TxidSnapshot> seen = new AtomicReference<>();
        Map<TableId, SnapshotTarget.CopyFormat> formats = new ConcurrentHashMap<>();
        try (Connection planner = openAtSnapshot(snapshot.name(), seen)) {
            for (TableId t : tables) {
                TableDefinition def = definitions.get(t);
                formats.put(t, target.prepareTable(def));
                List<TableChunk> chunks = plan(planner, def);
                chunksLeft.put(t, new AtomicInteger(chunks.size()));
                work.addAll(chunks);
            }
        } catch (SQLException e) {
            throw sourceFailure(e);
        }
        Map<TableId, Long> rows = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.min(workers, work.size()); i++) {
            Thread th = new Thread(() -> {
                try (Connection c = openAtSnapshot(snapshot.name(), seen)) {
                    TableChunk chunk;
                    while (failure.get() == null && (chunk = work.poll()) != null) {
                        TableId t = chunk.table().id();
                        long n = copyChunk(c, chunk, formats.get(t));
                        rows.merge(t, n, Long::sum);
                        if (chunksLeft.get(t).decrementAndGet() == 0) {
                            target.completeTable(t, seen.get(), rows.get(t));
                            progress.done(t, rows.get(t));
                            log.info("copied {} ({} rows)", t, rows.get(t));
                        }
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, sourceFailure(e));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "walbridge-snapshot-" + i);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Map<TableId, TxidSnapshot> out = new HashMap<>();
        for (TableId t : tables) {
            out.put(t, seen.get());
        }
        return out;
    }

    private Connection openAtSnapshot(String snapshotName, AtomicReference<TxidSnapshot> seen) throws SQLException {
        Connection c = source.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SET TRANSACTION SNAPSHOT " + Sql.literal(snapshotName));
            try (ResultSet rs = s.executeQuery("SELECT txid_current_snapshot()::text")) {
                rs.next();
                seen.compareAndSet(null, TxidSnapshot.parse(rs.getString(1)));
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Splits big tables into page ranges (TID range scans make that cheap on PostgreSQL 14+). */
    private List<TableChunk> plan(Connection c, TableDefinition def) throws SQLException {
        long pages = 0;
        long estimate = 0;
        int version;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relpages, c.reltuples::bigint, current_setting('server_version_num')::int
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, def.id().schema());
            ps.setString(2, def.id().name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                pages = rs.getLong(1);
                estimate = rs.getLong(2);
                version = rs.getInt(3);
            }
        }
        progress.started(def.id(), estimate);
        long chunkPages = Math.max(MIN_CHUNK_PAGES, pages / (workers * 2L));
        if (version < 140000 || pages <= chunkPages) {
            return List.of(TableChunk.whole(def));
        }
        List<TableChunk> chunks = new ArrayList<>();
        for (long start = 0; start < pages; start += chunkPages) {
            boolean last = start + chunkPages >= pages;
            chunks.add(new TableChunk(def, start, last ? -1 : start + chunkPages));
        }
        return chunks;
    }

    private long copyChunk(Connection c, TableChunk chunk, SnapshotTarget.CopyFormat format) throws SQLException {
        TableDefinition def = chunk.table();
        String columns = def.columns().stream().map(col -> Sql.ident(col.name())).collect(Collectors.joining(", "));
        String sql = "COPY (SELECT " + columns + " FROM " + def.id().quoted() + chunk.whereClause() + ") TO STDOUT"
                + (format == SnapshotTarget.CopyFormat.BINARY ? " (FORMAT binary)" : "");
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try (SnapshotTarget.ChunkWriter writer = target.openChunk(def, format)) {
            byte[] data;
            long messages = 0;
            while ((data = out.readFromCopy()) != null) {
                writer.write(data, data.length);
                // the server sends one COPY message per row: count them for progress
                if (++messages % 10_000 == 0) {
                    progress.copied(def.id(), 10_000);
                }
            }
            progress.copied(def.id(), messages % 10_000);
            return writer.commit();
        } catch (java.io.IOException e) {
            if (out.isActive()) {
                out.cancelCopy();
            }
            throw new UserFacingException("could not write the copy of " + def.id() + " to the destination: " + e.getMessage(),
                    "check the destination's free space and the table's definition", e);
        }
    }

    private static UserFacingException sourceFailure(SQLException e) {
        if (SourceErrors.connectionLost(e)) {
            return SourceErrors.lost(e, "copy a table");
        }
        return new UserFacingException("copying from the source failed: " + e.getMessage(),
                "check the source's log; the snapshot starts again for tables that were not complete", e);
    }
}
