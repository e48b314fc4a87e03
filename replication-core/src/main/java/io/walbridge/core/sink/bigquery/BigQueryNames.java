package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.TableId;

import java.util.Locale;

/**
 * How source names become BigQuery names. A table is {@code schema_table} (one dataset holds every schema, as
 * Datastream does); characters other than letters, digits and {@code _} become {@code _} so the names work in
 * every API, and a column that would start with a digit or a name BigQuery reserves gets a leading {@code c_}.
 */
public final class BigQueryNames {

    /** Metadata columns, on every table. */
    public static final String COMMIT_TIME = "_walbridge_commit_time";
    public static final String LSN = "_walbridge_lsn";
    /** Metadata columns of append-only tables. */
    public static final String OPERATION = "_walbridge_op";
    public static final String CHANGE_POSITION = "_walbridge_change_pos";
    public static final String CHANGE_ID = "_walbridge_change_id";
    /** BigQuery's CDC pseudo-columns. */
    static final String CHANGE_TYPE = "_CHANGE_TYPE";
    static final String CHANGE_SEQUENCE = "_CHANGE_SEQUENCE_NUMBER";
    /** WalBridge's own tables in the dataset. */
    public static final String CHECKPOINT_TABLE = "_walbridge_checkpoint";
    public static final String SNAPSHOT_TABLE = "_walbridge_snapshots";

    private static final String[] RESERVED = {"_table_", "_file_", "_partition", "_row_timestamp", "__root__",
        "_colon_", "_change_", "_walbridge_"};

    private BigQueryNames() {
    }

    public static String table(TableId id) {
        return clean(id.schema()) + "_" + clean(id.name());
    }

    public static String column(String sourceName) {
        String c = clean(sourceName);
        String lower = c.toLowerCase(Locale.ROOT);
        boolean reserved = false;
        for (String r : RESERVED) {
            reserved |= lower.startsWith(r);
        }
        return Character.isDigit(c.charAt(0)) || reserved ? "c_" + c : c;
    }

    private static String clean(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            sb.append(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_') ? ch : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }
}
