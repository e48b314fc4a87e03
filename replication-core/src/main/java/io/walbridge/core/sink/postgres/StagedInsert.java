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
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An INSERT (an upsert on the primary key when there is one) of rows that carry one set of columns,
 * sent one of two ways with the same result: a few rows as a parameter batch; many rows by COPY into a
 * temporary staging table of the destination column types, then one {@code INSERT … SELECT} from it.
 * COPY costs client and server far less per row than binding parameters; values are parsed by the same
 * type input functions either way.
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

    /** Writes the rows through the staging table (created on first use; emptied after each use). */
    void stage(Connection connection, List<Row> rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(createStage);
        }
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStage);
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
        try (Statement s = connection.createStatement()) {
            s.execute(insertFromStage);
            s.execute("TRUNCATE " + stage);
        }
    }
}
