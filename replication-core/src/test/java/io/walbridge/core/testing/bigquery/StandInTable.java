package io.walbridge.core.testing.bigquery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in table's definition and rows. Rows written with {@code _CHANGE_TYPE} are applied by primary key the
 * way BigQuery CDC does: per key, the change with the greatest {@code _CHANGE_SEQUENCE_NUMBER} wins (ties: the
 * later write). A DELETE removes the row and keeps nothing, so a lower-numbered upsert arriving after it would
 * bring the row back — the stand-in assumes no more of BigQuery than that. Rows written without
 * {@code _CHANGE_TYPE} are appended. Changes are applied at once (as with no max_staleness), so reads see the
 * latest state.
 */
public final class StandInTable {

    /** A stored row: values by lower-cased column name, and the sequence number that wrote it. */
    public record StoredRow(Map<String, Object> values, long[] sequence) {
    }

    private final String name;
    private final List<StandInField> fields = new ArrayList<>();
    private final List<String> primaryKey;
    private final String description;
    private String maxStaleness;
    private final Map<List<Object>, StoredRow> current = new LinkedHashMap<>();
    private final List<Map<String, Object>> appended = new ArrayList<>();
    private final long created = System.currentTimeMillis();

    StandInTable(String name, List<StandInField> fields, List<String> primaryKey, String description) {
        this.name = name;
        this.fields.addAll(fields);
        this.primaryKey = List.copyOf(primaryKey);
        this.description = description;
    }

    public String name() {
        return name;
    }

    public synchronized List<StandInField> fields() {
        return List.copyOf(fields);
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    public String description() {
        return description;
    }

    long created() {
        return created;
    }

    public synchronized String maxStaleness() {
        return maxStaleness;
    }

    synchronized void maxStaleness(String interval) {
        this.maxStaleness = interval;
    }

    synchronized StandInField field(String column) {
        for (StandInField f : fields) {
            if (f.name().equalsIgnoreCase(column)) {
                return f;
            }
        }
        return null;
    }

    /** Adds columns; like BigQuery, existing columns may not change type or mode, nor disappear. */
    synchronized String replaceSchema(List<StandInField> next) {
        for (StandInField old : fields) {
            StandInField now = next.stream().filter(f -> f.name().equalsIgnoreCase(old.name())).findFirst().orElse(null);
            if (now == null) {
                return "Provided Schema does not match Table " + name + ". Field " + old.name() + " is missing in new schema";
            }
            if (!now.type().equals(old.type()) || !now.mode().equals(old.mode())) {
                return "Provided Schema does not match Table " + name + ". Field " + old.name() + " has changed type";
            }
        }
        for (StandInField f : next) {
            if (field(f.name()) == null && f.mode().equals("REQUIRED")) {
                return "Provided Schema does not match Table " + name + ". Cannot add required field " + f.name();
            }
        }
        fields.clear();
        fields.addAll(next);
        return null;
    }

    synchronized void truncate() {
        current.clear();
        appended.clear();
    }

    /** Applies one append request's rows, all of them (an append is atomic). */
    synchronized void apply(List<DecodedRow> rows) {
        for (DecodedRow r : rows) {
            if (r.changeType() == null) {
                appended.add(r.values());
                continue;
            }
            List<Object> key = key(r.values());
            StoredRow have = current.get(key);
            if (have != null && Sequences.compare(r.sequence(), have.sequence()) < 0) {
                continue; // an older change of this key: BigQuery ignores it
            }
            if (r.changeType().equals("DELETE")) {
                current.remove(key);
            } else {
                current.put(key, new StoredRow(r.values(), r.sequence()));
            }
        }
    }

    List<Object> key(Map<String, Object> values) {
        List<Object> key = new ArrayList<>(primaryKey.size());
        for (String k : primaryKey) {
            Object v = values.get(k.toLowerCase(Locale.ROOT));
            key.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
        }
        return key;
    }

    /** Changes a stored row behind the writer's back, as a hand-made edit would (tests of verify). */
    public synchronized void tamper(List<Object> key, String column, Object value) {
        StoredRow r = current.get(key);
        Map<String, Object> values = new LinkedHashMap<>(r.values());
        values.put(column.toLowerCase(Locale.ROOT), value);
        current.put(key, new StoredRow(values, r.sequence()));
    }

    /** Removes a stored row behind the writer's back (tests of verify). */
    public synchronized void tamperRemove(List<Object> key) {
        current.remove(key);
    }

    /** Adds a row behind the writer's back (tests of verify). */
    public synchronized void tamperAdd(Map<String, Object> values) {
        current.put(key(values), new StoredRow(values, new long[0]));
    }

    /** Every row now in the table (current rows, then appended rows), values by lower-cased column name. */
    public synchronized List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>(current.size() + appended.size());
        current.values().forEach(r -> out.add(r.values()));
        out.addAll(appended);
        return out;
    }

    public synchronized int rowCount() {
        return current.size() + appended.size();
    }
}
