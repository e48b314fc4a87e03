package io.walbridge.core.sink.bigquery;

/**
 * A source column type as the BigQuery mapping needs it: domains already resolved to their base type, and
 * an array's element type beside it.
 *
 * @param name       the base type's name in {@code pg_catalog}, or null for a user-defined type
 * @param enumType   whether the base type is an enum
 * @param modifier   the base type's modifier (e.g. numeric precision and scale), -1 when none
 * @param element    for an array, its element type; null otherwise
 * @param delimiter  the character that separates array elements in the text form (',' except for box)
 */
public record PgType(String name, boolean enumType, int modifier, PgType element, char delimiter) {

    public static PgType builtIn(String name, int modifier) {
        return new PgType(name, false, modifier, null, ',');
    }

    public static PgType arrayOf(PgType element) {
        return new PgType(null, false, -1, element, element.delimiter());
    }

    public boolean isArray() {
        return element != null;
    }
}
