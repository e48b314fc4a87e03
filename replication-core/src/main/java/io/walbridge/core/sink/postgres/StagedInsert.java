package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sql.Sql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An INSERT (an upsert on the primary key when there is one) of rows that carry one set of columns,
 * sent one of three ways with the same result: a few rows as a parameter batch; many new rows (from
 * Insert changes) by COPY straight into the table, under a savepoint; otherwise (or when such a COPY met
 * a row that was already there) by COPY into a temporary staging table of the destination column types,
 * then one {@code INSERT … SELECT} from it. COPY costs client and server far less per row than binding
 * parameters, and a direct COPY also skips the conflict checks; values are parsed by the same type input
 * functions every way.
 */
final class StagedInsert {

    /** Below this many rows the three extra statements of staging cost more than they save. */
    static final int STAGE_FROM_ROWS = 64;

    private final TableId table;
    private final List<Integer> cells;
    private final String sql;
    private final String stage;
    private final String createStage;
    private final String copyStage;
    private final String insertFromStage;
    private final String copyDirect;
    /** Whether a key conflict is possible at all (a table without a key takes every row). */
    private final boolean keyed;
    private boolean created;
    /** A direct COPY met an existing row once: this column set's runs are merged from then on. */
    private boolean directRefused;

    /**
     * @param cells      indexes of the row cells to write, in column order
     * @param columns    the matching destination columns
     * @param conflict   the ON CONFLICT clause (with a leading space), or "" for a table without a key
     * @param stageName  a name for the staging table unique on the connection
     */
    StagedInsert(TableId table, List<Integer> cells, List<DestinationColumn> columns, String conflict, String stageName) {
        this.table = table;
        this.cells = List.copyOf(cells);
        String names = columns.stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
        String casts = columns.stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", "));
        this.sql = "INSERT INTO " + table.quoted() + " (" + names + ") VALUES (" + casts + ")" + conflict;
        this.stage = Sql.ident(stageName);
        this.createStage = "CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " ("
                + columns.stream().map(c -> Sql.ident(c.name()) + " " + c.type()).collect(Collectors.joining(", ")) + ")";
        this.copyStage = "COPY " + stage + " (" + names + ") FROM STDIN";
        // ORDER BY nothing: rows of one key never meet in one run (the batch flushes before a key repeats)
        this.insertFromStage = "INSERT INTO " + table.quoted() + " (" + names + ") SELECT " + names + " FROM " + stage + conflict;
        this.copyDirect = "COPY " + table.quoted() + " (" + names + ") FROM STDIN";
        this.keyed = !conflict.isEmpty();
    }

    /** The single-row statement, for the parameter path. */
    String sql() {
        return sql;
    }

    void bind(PreparedStatement ps, Row row) throws SQLException {
        int p = 1;
        for (int i : cells) {
            Cell cell = row.get(i);
            if (cell instanceof Cell.Text t) {
                // untyped, so the server parses the text with the CAST's type: no client-side conversion
                ps.setObject(p++, t.value(), Types.OTHER);
            } else if (cell instanceof Cell.Null) {
                ps.setNull(p++, Types.OTHER);
            } else {
                throw new IllegalStateException("unexpected cell " + cell + " in " + table);
            }
        }
    }

    /**
     * Writes many rows; {@code allNew} when every one comes from an Insert change, so that normally none
     * is on the destination yet (a replay or a row written there by someone else is the exception).
     */
    void copy(Connection connection, List<Row> rows, boolean allNew) throws SQLException {
        if (!keyed) {
            copyInto(connection, copyDirect, rows);
        } else if (allNew && !directRefused && copyDirectly(connection, rows)) {
            return;
        } else {
            stage(connection, rows);
        }
    }

    /** COPY into the table under a savepoint; false (and nothing written) when a row's key was already there. */
    private boolean copyDirectly(Connection connection, List<Row> rows) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            copyInto(connection, copyDirect, rows);
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // unique_violation
                throw e;
            }
            connection.rollback(before);
            directRefused = true;
            return false;
        }
    }

    /**
     * Writes the rows through the staging table (created on first use; emptied after each use). Three
     * round trips: each one costs a wake-up of both ends, which on a busy machine is most of the time.
     */
    private void stage(Connection connection, List<Row> rows) throws SQLException {
        if (!created) {
            try (Statement s = connection.createStatement()) {
                s.execute(createStage);
            }
            // a rollback would drop it again, but the sink then starts over with new StagedInserts
            created = true;
        }
        copyInto(connection, copyStage, rows);
        try (Statement s = connection.createStatement()) {
            s.execute(insertFromStage + "; TRUNCATE " + stage); // both in one round trip
        }
    }

    private void copyInto(Connection connection, String copySql, List<Row> rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            CopyTextRows out = new CopyTextRows(in);
            for (Row row : rows) {
                out.append(row, cells, table);
            }
            out.send();
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
