package io.walbridge.core.testing.bigquery;

import java.util.Locale;

/**
 * One column of a stand-in table, as BigQuery's REST API describes it.
 *
 * @param type BigQuery's REST type name (INTEGER, FLOAT, NUMERIC, BIGNUMERIC, BOOLEAN, STRING, BYTES, DATE, TIME,
 *             DATETIME, TIMESTAMP, JSON, …)
 * @param mode NULLABLE, REQUIRED or REPEATED
 */
public record StandInField(String name, String type, String mode, String description) {

    public StandInField {
        type = canonical(type);
        mode = mode == null ? "NULLABLE" : mode.toUpperCase(Locale.ROOT);
    }

    /** BigQuery accepts both legacy and standard names; the REST API answers with the legacy ones. */
    static String canonical(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "INT64" -> "INTEGER";
            case "FLOAT64" -> "FLOAT";
            case "BOOL" -> "BOOLEAN";
            case "STRUCT" -> "RECORD";
            default -> type.toUpperCase(Locale.ROOT);
        };
    }

    boolean repeated() {
        return mode.equals("REPEATED");
    }
}
