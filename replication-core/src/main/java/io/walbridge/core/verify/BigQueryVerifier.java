package io.walbridge.core.verify;

import com.google.cloud.bigquery.FieldValueList;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.bigquery.BigQueryDataset;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.CanonicalValue;
import io.walbridge.core.sink.bigquery.SourceTypes;
import io.walbridge.core.sink.bigquery.TableLayout;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;
import io.walbridge.core.source.TableDefinition;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Proves a BigQuery dataset holds the source's current rows, table by table. BigQuery runs no hashing SQL for
 * us here: both sides are read row by row (the source with a cursor, BigQuery through tabledata.list), each
 * value brought to one comparable form ({@link CanonicalValue}), and compared by per-bucket fingerprints; only
 * differing buckets are read a second time to name the keys. Append-only tables hold history, not current
 * rows, and are not compared.
 */
public final class BigQueryVerifier {

    private final PgEndpoint source;
    private final BigQueryTarget target;
    private final Verifier.Options options;
    private final Clock clock;

    public BigQueryVerifier(PgEndpoint source, BigQueryTarget target, Verifier.Options options, Clock clock) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.clock = clock;
    }

    public Verifier.Report verify(List<TableId> tables, Consumer<TableDifference> progress) throws InterruptedException {
        try (Connection s = source.connect(); BigQueryDataset dataset = new BigQueryDataset(target, new SourceTypes(source))) {
            Lsn start = sourceNow(s);
            boolean caughtUp = awaitCatchUp(s, dataset, start);
            SourceCatalog catalog = new SourceCatalog(source);
            List<TableDifference> out = new ArrayList<>();
            for (TableId table : tables.isEmpty() ? List.copyOf(dataset.copiedTables()) : tables) {
                TableDefinition def = catalog.describe(table);
                TableLayout layout = dataset.layout(def);
                if (!layout.cdc()) {
                    continue; // history, not current rows
                }
                TableDifference d = compare(s, dataset, layout);
                for (int round = 1; round < options.rounds() && !d.equal() && caughtUp; round++) {
                    awaitCatchUp(s, dataset, sourceNow(s));
                    d = compare(s, dataset, layout);
                }
                progress.accept(d);
                out.add(d);
            }
            return new Verifier.Report(out, caughtUp, start);
        } catch (SQLException e) {
            throw new UserFacingException("could not read the source to compare: " + e.getMessage(),
                    "check the source URL with 'walbridge check'", e);
        }
    }

    private TableDifference compare(Connection s, BigQueryDataset dataset, TableLayout layout) throws SQLException {
        if (!dataset.exists(layout)) {
            return new TableDifference(layout.source(), -1, -1, List.of(), List.of(), List.of(), true);
        }
        RowFingerprints src = readSource(s, layout, null);
        RowFingerprints bq = readBigQuery(dataset, layout, null);
        Set<Integer> differing = src.differingBuckets(bq);
        if (differing.isEmpty()) {
            return new TableDifference(layout.source(), src.rows(), bq.rows(), List.of(), List.of(), List.of(), false);
        }
        Map<String, Long> a = readSource(s, layout, differing).kept();
        Map<String, Long> b = readBigQuery(dataset, layout, differing).kept();
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Long> e : a.entrySet()) {
            Long other = b.get(e.getKey());
            if (other == null) {
                missing.add(e.getKey());
            } else if (!other.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(extra::add);
        return new TableDifference(layout.source(), src.rows(), bq.rows(), sorted(missing), sorted(extra), sorted(changed), false);
    }

    private RowFingerprints readSource(Connection s, TableLayout layout, Set<Integer> keep) throws SQLException {
        RowFingerprints f = new RowFingerprints(keep);
        String cols = layout.columns().stream().map(c -> Sql.ident(c.sourceName()) + "::text").collect(Collectors.joining(", "));
        boolean auto = s.getAutoCommit();
        s.setAutoCommit(false); // a cursor: rows stream instead of filling memory
        try (Statement st = s.createStatement()) {
            st.setFetchSize(5_000);
            try (ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + layout.source().quoted())) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>(layout.columns().size());
                    for (int i = 0; i < layout.columns().size(); i++) {
                        values.add(CanonicalValue.ofSource(layout.columns().get(i).type(), rs.getString(i + 1), target.policy()));
                    }
                    f.add(key(layout, values), values);
                }
            }
            s.commit();
        } finally {
            s.setAutoCommit(auto);
        }
        return f;
    }

    private RowFingerprints readBigQuery(BigQueryDataset dataset, TableLayout layout, Set<Integer> keep) {
        RowFingerprints f = new RowFingerprints(keep);
        dataset.rows(layout, (FieldValueList row) -> {
            List<String> values = new ArrayList<>(layout.columns().size());
            for (TableLayout.MappedColumn c : layout.columns()) {
                values.add(CanonicalValue.ofBigQuery(c.type(), row.get(c.name())));
            }
            f.add(key(layout, values), values);
        });
        return f;
    }

    private static String key(TableLayout layout, List<String> values) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (String k : layout.primaryKey()) {
            j.add(k + "=" + values.get(layout.indexOf(k)));
        }
        return j.toString();
    }

    private static List<String> sorted(List<String> keys) {
        return new ArrayList<>(new TreeSet<>(keys));
    }

    private static Lsn sourceNow(Connection s) throws SQLException {
        try (Statement st = s.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    /** Like the PostgreSQL check: a pipeline's checkpoint or its slot's confirmed position reached {@code position}. */
    private boolean awaitCatchUp(Connection s, BigQueryDataset dataset, Lsn position) throws SQLException, InterruptedException {
        long deadline = clock.millis() + options.catchUpTimeout().toMillis();
        while (true) {
            Map<String, Lsn> checkpoints = dataset.checkpoints();
            if (checkpoints.values().stream().anyMatch(l -> !l.isBefore(position))) {
                return true;
            }
            boolean running = false;
            try (PreparedStatement ps = s.prepareStatement("SELECT confirmed_flush_lsn::text, active FROM pg_replication_slots "
                    + "WHERE slot_name = ANY (?) AND confirmed_flush_lsn IS NOT NULL")) {
                ps.setArray(1, s.createArrayOf("text", checkpoints.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!Lsn.parse(rs.getString(1)).isBefore(position)) {
                            return true;
                        }
                        running |= rs.getBoolean(2);
                    }
                }
            }
            if (!running || clock.millis() >= deadline) {
                return false;
            }
            Thread.sleep(Duration.ofMillis(500).toMillis());
        }
    }
}
