package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.storage.v1.CivilTimeEncoder;
import com.google.protobuf.ByteString;
import org.json.JSONArray;

import java.math.BigDecimal;
import java.util.List;

/**
 * Turns one value in PostgreSQL's text form into what the Storage Write API's JSON writer takes for the
 * column's BigQuery type, or says why BigQuery cannot hold it.
 */
final class ValueConverter {

    private ValueConverter() {
    }

    /**
     * @param dropNullElements leave NULL array elements out instead of refusing the array (BigQuery arrays
     *                         cannot hold NULL)
     */
    static Object convert(ColumnType type, String text, boolean dropNullElements) throws UnrepresentableValue {
        if (!type.repeated()) {
            return scalar(type, text);
        }
        List<String> elements = PgArrayText.parse(text, type.delimiter());
        JSONArray out = new JSONArray();
        ColumnType element = type.element();
        for (String e : elements) {
            if (e == null) {
                if (dropNullElements) {
                    continue;
                }
                throw new UnrepresentableValue("an array with NULL elements (BigQuery arrays cannot hold NULL)");
            }
            out.put(scalar(element, e));
        }
        return out;
    }

    static Object scalar(ColumnType type, String text) throws UnrepresentableValue {
        try {
            return switch (type.kind()) {
                case INT64 -> Long.parseLong(text);
                // as text: JSON has no NaN or Infinity, and the writer parses "NaN" and "Infinity" itself
                case FLOAT64 -> text;
                case NUMERIC, BIGNUMERIC -> decimal(type, text);
                case BOOL -> text.equals("t") || text.equals("true");
                case STRING, JSON -> text;
                case BYTES -> ByteString.copyFrom(ByteaText.decode(text));
                case DATE -> (int) PgTemporal.date(text).toEpochDay();
                case TIME -> CivilTimeEncoder.encodePacked64TimeMicrosLocalTime(PgTemporal.time(text));
                case DATETIME -> CivilTimeEncoder.encodePacked64DatetimeMicrosLocalDateTime(PgTemporal.dateTime(text));
                case TIMESTAMP -> PgTemporal.timestampMicros(text);
                case INTERVAL -> IsoInterval.of(text);
            };
        } catch (RuntimeException e) {
            throw new UnrepresentableValue("'" + text + "' cannot be read as " + type.kind() + ": " + e.getMessage());
        }
    }

    private static String decimal(ColumnType type, String text) throws UnrepresentableValue {
        if (text.equals("NaN") || text.endsWith("Infinity")) {
            throw new UnrepresentableValue(text + " (BigQuery " + type.kind() + " has no " + text + ")");
        }
        BigDecimal d = new BigDecimal(text).stripTrailingZeros();
        int integerDigits = Math.max(0, d.precision() - d.scale());
        if (integerDigits > type.integerDigits() || d.scale() > type.scale()) {
            throw new UnrepresentableValue(text + " does not fit BigQuery " + type.kind() + " (at most "
                    + type.integerDigits() + " digits before the decimal point and " + type.scale() + " after)");
        }
        return d.toPlainString();
    }
}
