package io.walbridge.core.verify;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.TableDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Proves a PostgreSQL destination equals its source, table by table. It first waits until the
 * destination has passed the source's position at the start, so rows still in flight are not taken
 * for differences; a table that still differs is compared again after the next catch-up, and only
 * differences that persist are reported.
 */
public final class Verifier {

    /** How long to wait for replication to catch up, and how often to look again at a differing table. */
    public record Options(Duration catchUpTimeout, int rounds) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(60), 3);
    }

    /** The outcome: per-table differences, and whether the destination had caught up when compared. */
    public record Report(List<TableDifference> tables, boolean caughtUp, Lsn sourcePosition) {
        public boolean equal() {
            return tables.stream().allMatch(TableDifference::equal);
        }
    }

    private final PgEndpoint source;
    private final PgEndpoint target;
    private final Options options;
    private final Clock clock;

    public Verifier(PgEndpoint source, PgEndpoint target, Options options, Clock clock) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.clock = clock;
    }

    /** Compares the given tables (all replicated tables when empty), reporting each as it is done. */
    public Report verify(List<TableId> tables, Consumer<TableDifference> progress) throws InterruptedException {
        try (Connection s = source.connect();
             Connection t = target.connect()) {
            CatchUp catchUp = new CatchUp(s, t, clock);
            Lsn start = catchUp.sourceNow();
            boolean caughtUp = catchUp.await(start, options.catchUpTimeout());
            SourceCatalog catalog = new SourceCatalog(source);
            List<TableDifference> out = new ArrayList<>();
            for (TableId table : tables.isEmpty() ? replicatedTables(s, t) : tables) {
                TableDifference d = compare(catalog, table, s, t, catchUp, caughtUp);
                progress.accept(d);
                out.add(d);
            }
            return new Report(out, caughtUp, start);
        } catch (SQLException e) {
            throw new UserFacingException("could not compare source and destination: " + e.getMessage(),
                    "check both URLs with 'walbridge check'", e);
        }
    }

    private TableDifference compare(SourceCatalog catalog, TableId table, Connection s, Connection t, CatchUp catchUp,
                                    boolean live) throws SQLException, InterruptedException {
        if (!exists(t, table)) {
            return new TableDifference(table, -1, -1, List.of(), List.of(), List.of(), true);
        }
        TableDefinition def = catalog.describe(table);
        TableComparator comparator = new TableComparator(table, def.primaryKey(),
                def.columns().stream().map(TableDefinition.ColumnDefinition::name).toList());
        TableDifference d = comparator.compare(s, t);
        for (int round = 1; round < options.rounds() && !d.equal() && live; round++) {
            // rows may have changed on the source while we compared: let replication catch up and look again
            catchUp.await(catchUp.sourceNow(), options.catchUpTimeout());
            d = comparator.compare(s, t);
        }
        return d;
    }

    /** Tables WalBridge copied into this destination, plus source tables the destination also has. */
    private static List<TableId> replicatedTables(Connection s, Connection t) throws SQLException {
        TreeSet<TableId> out = new TreeSet<>();
        try (PreparedStatement ps = t.prepareStatement("SELECT table_schema, table_name FROM walbridge.snapshot_table");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                // a table dropped on the source since its copy is no longer replicated: nothing to compare it with
                if (exists(s, id)) {
                    out.add(id);
                }
            }
        } catch (SQLException noCopies) {
            // a destination filled by streaming only has no copy records
        }
        try (PreparedStatement ps = s.prepareStatement("""
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'walbridge')
                  AND n.nspname NOT LIKE 'pg_toast%'""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableId id = new TableId(rs.getString(1), rs.getString(2));
                if (exists(t, id)) {
                    out.add(id);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean exists(Connection c, TableId table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
