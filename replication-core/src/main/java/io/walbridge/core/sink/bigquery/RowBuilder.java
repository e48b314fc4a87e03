package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.Row;
import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.sink.bigquery.ColumnType.Kind;
import io.walbridge.core.sink.bigquery.TableLayout.MappedColumn;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** Builds the JSON rows the Storage Write API takes for one table: CDC upserts and deletes, or change rows. */
final class RowBuilder {

    private static final Logger log = LoggerFactory.getLogger(RowBuilder.class);
    private static final int SHOWN_VALUE = 80;

    private final TableLayout layout;
    private final ValuePolicy policy;
    private final Set<String> reported = new HashSet<>();

    RowBuilder(TableLayout layout, ValuePolicy policy) {
        this.layout = layout;
        this.policy = policy;
    }

    TableLayout layout() {
        return layout;
    }

    /** A CDC upsert: the whole row, which replaces the row with the same key. */
    JSONObject upsert(Row row, String sequence, Lsn commit, Instant commitTime) {
        JSONObject o = values(row, false);
        metadata(o, commit, commitTime);
        o.put(BigQueryNames.CHANGE_TYPE, "UPSERT");
        o.put(BigQueryNames.CHANGE_SEQUENCE, sequence);
        return o;
    }

    /** A CDC delete: only the key columns are needed. */
    JSONObject delete(Row oldRow, String sequence) {
        JSONObject o = values(oldRow, true);
        o.put(BigQueryNames.CHANGE_TYPE, "DELETE");
        o.put(BigQueryNames.CHANGE_SEQUENCE, sequence);
        return o;
    }

    /** A row of an append-only table: the values, then what happened, where and when. */
    JSONObject change(String operation, Row row, Lsn commit, long position, Instant commitTime, String changeId) {
        JSONObject o = row == null ? new JSONObject() : values(row, false);
        metadata(o, commit, commitTime);
        o.put(BigQueryNames.OPERATION, operation);
        if (commit != null) {
            o.put(BigQueryNames.CHANGE_POSITION, position);
        }
        o.put(BigQueryNames.CHANGE_ID, changeId);
        return o;
    }

    /** The row's key for messages, e.g. {@code (id=5)}; a keyless table shows its first columns. */
    String key(Row row) {
        List<String> names = layout.primaryKey().isEmpty()
                ? layout.columns().stream().limit(3).map(MappedColumn::sourceName).toList() : layout.primaryKey();
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (String n : names) {
            int i = layout.indexOf(n);
            Cell c = i < 0 || i >= row.size() ? Cell.NULL : row.get(i);
            j.add(n + "=" + (c instanceof Cell.Text t ? shorten(t.value()) : "NULL"));
        }
        return j.toString();
    }

    private JSONObject values(Row row, boolean keyOnly) {
        JSONObject o = new JSONObject();
        List<MappedColumn> cols = layout.columns();
        if (row.size() != cols.size()) {
            throw new IllegalStateException("row of " + layout.source() + " has " + row.size() + " values for "
                    + cols.size() + " columns");
        }
        for (int i = 0; i < cols.size(); i++) {
            MappedColumn c = cols.get(i);
            if (keyOnly && !layout.primaryKey().contains(c.sourceName())) {
                continue;
            }
            Cell cell = row.get(i);
            if (cell instanceof Cell.Text t) {
                Object v = convert(c, t.value(), row);
                if (v != null) {
                    o.put(c.name(), v);
                }
            } else if (cell instanceof Cell.Unchanged) {
                throw new IllegalStateException("an unchanged TOASTed value of " + layout.source() + "." + c.sourceName()
                        + " reached the BigQuery sink without being filled in");
            } else if (cell instanceof Cell.Binary) {
                throw new IllegalStateException("binary values are not used with BigQuery");
            }
        }
        return o;
    }

    private Object convert(MappedColumn c, String text, Row row) {
        try {
            Object v = ValueConverter.convert(c.type(), text, false);
            if (isTemporal(c.type().kind()) && text.contains("infinity")) {
                once(c, "writes " + text + " as BigQuery's " + (text.startsWith("-") ? "least" : "greatest") + " "
                        + c.type().kind() + " (BigQuery has no infinity)");
            }
            return v;
        } catch (UnrepresentableValue e) {
            String where = layout.source() + " row " + key(row) + " column \"" + c.sourceName() + "\"";
            if (policy == ValuePolicy.FAIL) {
                throw new SinkFailure("BigQuery cannot hold the value of " + where + ": " + e.getMessage(),
                        "change the value on the source, or add unrepresentable=null to the BigQuery URL to write NULL"
                                + " there (each such value is then logged)", false, null);
            }
            if (c.type().repeated()) {
                try {
                    Object v = ValueConverter.convert(c.type(), text, true);
                    log.warn("{}: {}; its NULL elements were left out (unrepresentable=null)", where, e.getMessage());
                    return v;
                } catch (UnrepresentableValue again) {
                    // not only NULL elements: the whole value becomes NULL below
                }
            }
            log.warn("{}: {}; written as NULL (unrepresentable=null)", where, e.getMessage());
            return null;
        }
    }

    private void once(MappedColumn c, String what) {
        if (reported.add(c.sourceName() + what)) {
            log.info("{}.{}: {}", layout.source(), c.sourceName(), what);
        }
    }

    private static boolean isTemporal(Kind k) {
        return k == Kind.DATE || k == Kind.DATETIME || k == Kind.TIMESTAMP;
    }

    private static void metadata(JSONObject o, Lsn commit, Instant commitTime) {
        if (commitTime != null) {
            o.put(BigQueryNames.COMMIT_TIME, TimeUnit.SECONDS.toMicros(commitTime.getEpochSecond()) + commitTime.getNano() / 1000);
        }
        if (commit != null) {
            o.put(BigQueryNames.LSN, commit.value());
        }
    }

    /** Rough bytes of a row on the wire, to keep each append request well under BigQuery's 10 MB. */
    static long estimatedBytes(Row row) {
        return row == null ? 64 : row.estimatedBytes();
    }

    private static String shorten(String v) {
        return v.length() <= SHOWN_VALUE ? v : v.substring(0, SHOWN_VALUE) + "…";
    }
}
