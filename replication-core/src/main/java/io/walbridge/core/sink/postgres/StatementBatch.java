package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Row;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs statements in order while sending consecutive executions of the same SQL as one JDBC batch
 * (one round trip). Order across different statements is kept by flushing whenever the SQL changes.
 */
final class StatementBatch {

    /** Binds one execution's parameters. */
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static final int MAX_BATCH = 2000;
    /** Rows of one staged insert run held before they are sent (bounded: rows are already in the event queue's budget). */
    private static final int MAX_STAGED = 20_000;

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private String pendingSql;
    private int pendingCount;
    /** Keys of the upserts in the pending batch; see {@link #add(String, Object, Binder)}. */
    private final Set<Object> pendingKeys = new HashSet<>();
    /** A run of inserts waiting to be sent; see {@link #addInsert}. */
    private StagedInsert pendingInsert;
    private final List<Row> pendingRows = new ArrayList<>();
    /** Every pending row comes from an Insert change. */
    private boolean pendingAllNew;
    private long rowsNotFound;

    StatementBatch(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, Binder binder) throws SQLException {
        add(sql, null, binder);
    }

    /**
     * Like {@link #add(String, Binder)} for an upsert of the row with {@code key}: a batched INSERT is sent
     * as multi-row INSERTs, and one INSERT … ON CONFLICT DO UPDATE may not touch a row twice, so a key
     * already waiting in the batch flushes it first (a row inserted then updated in one transaction).
     */
    void add(String sql, Object key, Binder binder) throws SQLException {
        if (pendingInsert != null || !sql.equals(pendingSql) || (key != null && pendingKeys.contains(key))) {
            flush();
        }
        if (key != null) {
            pendingKeys.add(key);
        }
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        binder.bind(ps);
        ps.addBatch();
        pendingSql = sql;
        pendingCount++;
        if (pendingCount >= MAX_BATCH) {
            flush();
        }
    }

    /**
     * Adds a row to a run of inserts (upserts when {@code key} is not null) with one column set. The run is
     * sent when anything else comes or at {@link #flush()}: as a parameter batch when short, else staged
     * through COPY. A key already in the run flushes it first, as in {@link #add(String, Object, Binder)}.
     */
    void addInsert(StagedInsert insert, Object key, Row row, boolean isNew) throws SQLException {
        if (insert != pendingInsert || pendingSql != null || (key != null && pendingKeys.contains(key))) {
            flush();
        }
        pendingAllNew = (pendingRows.isEmpty() || pendingAllNew) && isNew;
        if (key != null) {
            pendingKeys.add(key);
        }
        pendingInsert = insert;
        pendingRows.add(row);
        if (pendingRows.size() >= MAX_STAGED) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pendingInsert != null) {
            flushInserts();
            return;
        }
        if (pendingSql == null) {
            return;
        }
        PreparedStatement ps = prepared.get(pendingSql);
        boolean counts = !pendingSql.startsWith("INSERT");
        pendingSql = null;
        pendingCount = 0;
        pendingKeys.clear();
        int[] results = ps.executeBatch();
        if (counts) {
            for (int r : results) {
                if (r == 0) {
                    rowsNotFound++;
                }
            }
        }
    }

    private void flushInserts() throws SQLException {
        StagedInsert insert = pendingInsert;
        List<Row> rows = List.copyOf(pendingRows);
        pendingInsert = null;
        pendingRows.clear();
        pendingKeys.clear();
        if (rows.size() >= StagedInsert.STAGE_FROM_ROWS) {
            insert.copy(connection, rows, pendingAllNew);
            return;
        }
        PreparedStatement ps = prepared.get(insert.sql());
        if (ps == null) {
            ps = connection.prepareStatement(insert.sql());
            prepared.put(insert.sql(), ps);
        }
        for (Row row : rows) {
            insert.bind(ps, row);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /** Updates and deletes that found no row on the destination (as PostgreSQL's own subscriber logs them). */
    long rowsNotFound() {
        return rowsNotFound;
    }

    void discard() {
        pendingInsert = null;
        pendingRows.clear();
        pendingSql = null;
        pendingCount = 0;
        pendingKeys.clear();
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.clearBatch();
            } catch (SQLException e) {
                // the connection is being abandoned anyway
            }
        }
    }

    void close() {
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // nothing to do
            }
        }
        prepared.clear();
    }
}
