package io.walbridge.core.sink.bigquery;

import io.walbridge.core.sink.bigquery.ColumnType.Kind;

/**
 * PostgreSQL → BigQuery types (the table in docs/bigquery.md). Anything without a BigQuery counterpart is kept
 * as STRING in the source's own text form, so no value is lost.
 */
public final class TypeMapping {

    /** BigQuery NUMERIC: 29 digits before the point, 9 after; BIGNUMERIC: 38 and 38. */
    static final int NUMERIC_INTEGER = 29;
    static final int NUMERIC_SCALE = 9;
    static final int BIGNUMERIC_INTEGER = 38;
    static final int BIGNUMERIC_SCALE = 38;

    private TypeMapping() {
    }

    public static ColumnType map(PgType type) {
        if (type.isArray()) {
            PgType element = type.element();
            if (element.isArray()) {
                return ColumnType.of(Kind.STRING);
            }
            return map(element).asArray(element.delimiter());
        }
        if (type.enumType() || type.name() == null) {
            return ColumnType.of(Kind.STRING);
        }
        return switch (type.name()) {
            case "int2", "int4", "int8", "oid" -> ColumnType.of(Kind.INT64);
            case "float4", "float8" -> ColumnType.of(Kind.FLOAT64);
            case "numeric" -> numeric(type.modifier());
            case "bool" -> ColumnType.of(Kind.BOOL);
            case "bytea" -> ColumnType.of(Kind.BYTES);
            case "date" -> ColumnType.of(Kind.DATE);
            case "time" -> ColumnType.of(Kind.TIME);
            case "timestamp" -> ColumnType.of(Kind.DATETIME);
            case "timestamptz" -> ColumnType.of(Kind.TIMESTAMP);
            case "interval" -> ColumnType.of(Kind.INTERVAL);
            case "json", "jsonb" -> ColumnType.of(Kind.JSON);
            // text, varchar, char, name, uuid, timetz, inet, cidr, macaddr, money, xml, bit strings, geometry…
            default -> ColumnType.of(Kind.STRING);
        };
    }

    /**
     * numeric(p, s) → NUMERIC when it fits (≤ 29 integer digits, ≤ 9 decimals), else BIGNUMERIC when that fits
     * (38 and 38), else STRING; an unconstrained numeric → BIGNUMERIC, its values checked one by one.
     */
    static ColumnType numeric(int modifier) {
        if (modifier < 4) {
            return ColumnType.decimal(Kind.BIGNUMERIC, BIGNUMERIC_INTEGER, BIGNUMERIC_SCALE);
        }
        int precision = ((modifier - 4) >> 16) & 0xFFFF;
        // the scale is an 11-bit signed number since PostgreSQL 15 (negative scales round to tens, hundreds…)
        int scale = (((modifier - 4) & 0x7FF) ^ 0x400) - 0x400;
        int integerDigits = precision - scale;
        int decimals = Math.max(scale, 0);
        if (integerDigits <= NUMERIC_INTEGER && decimals <= NUMERIC_SCALE) {
            return ColumnType.decimal(Kind.NUMERIC, NUMERIC_INTEGER, NUMERIC_SCALE);
        }
        if (integerDigits <= BIGNUMERIC_INTEGER && decimals <= BIGNUMERIC_SCALE) {
            return ColumnType.decimal(Kind.BIGNUMERIC, BIGNUMERIC_INTEGER, BIGNUMERIC_SCALE);
        }
        return ColumnType.of(Kind.STRING);
    }
}
