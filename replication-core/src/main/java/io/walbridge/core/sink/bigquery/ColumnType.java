package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.StandardSQLTypeName;

/**
 * The BigQuery column a source column becomes, and how its values are converted.
 *
 * @param repeated      a source array: a REPEATED column of the element's kind
 * @param integerDigits NUMERIC/BIGNUMERIC: digits allowed before the decimal point
 * @param scale         NUMERIC/BIGNUMERIC: digits allowed after it
 * @param delimiter     arrays: the element separator in PostgreSQL's text form
 */
public record ColumnType(Kind kind, boolean repeated, int integerDigits, int scale, char delimiter) {

    /** BigQuery's value kinds, each with the BigQuery type it is stored as. */
    public enum Kind {
        INT64(StandardSQLTypeName.INT64),
        FLOAT64(StandardSQLTypeName.FLOAT64),
        NUMERIC(StandardSQLTypeName.NUMERIC),
        BIGNUMERIC(StandardSQLTypeName.BIGNUMERIC),
        BOOL(StandardSQLTypeName.BOOL),
        /** The source's text form, unchanged. */
        STRING(StandardSQLTypeName.STRING),
        BYTES(StandardSQLTypeName.BYTES),
        DATE(StandardSQLTypeName.DATE),
        TIME(StandardSQLTypeName.TIME),
        DATETIME(StandardSQLTypeName.DATETIME),
        TIMESTAMP(StandardSQLTypeName.TIMESTAMP),
        JSON(StandardSQLTypeName.JSON),
        /** A PostgreSQL interval as an ISO 8601 duration string ({@code P1Y2M-3DT4H5M6.789S}). */
        INTERVAL(StandardSQLTypeName.STRING);

        private final StandardSQLTypeName bigQuery;

        Kind(StandardSQLTypeName bigQuery) {
            this.bigQuery = bigQuery;
        }

        public StandardSQLTypeName bigQuery() {
            return bigQuery;
        }
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, false, 0, 0, ',');
    }

    public static ColumnType decimal(Kind kind, int integerDigits, int scale) {
        return new ColumnType(kind, false, integerDigits, scale, ',');
    }

    public ColumnType asArray(char delimiter) {
        return new ColumnType(kind, true, integerDigits, scale, delimiter);
    }

    public ColumnType element() {
        return new ColumnType(kind, false, integerDigits, scale, ',');
    }

    /** How the column shows in messages and docs, e.g. {@code ARRAY<NUMERIC>}. */
    public String describe() {
        return repeated ? "ARRAY<" + kind.bigQuery() + ">" : kind.bigQuery().name();
    }
}
