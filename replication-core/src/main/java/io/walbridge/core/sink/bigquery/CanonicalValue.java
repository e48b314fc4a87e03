package io.walbridge.core.sink.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.storage.v1.CivilTimeEncoder;
import com.google.protobuf.ByteString;
import org.json.JSONArray;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One comparable text per value, computed the same way from a source value (PostgreSQL text, converted as the
 * sink converts it) and from the value BigQuery returns, so {@code walbridge verify} can compare the two sides.
 */
public final class CanonicalValue {

    /** Stands for a source value the sink would have refused. */
    public static final String UNREPRESENTABLE = "\u0000unrepresentable";
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalValue() {
    }

    /** The source side: PostgreSQL's text of a value, or null for NULL. */
    public static String ofSource(ColumnType type, String text, ValuePolicy policy) {
        if (text == null) {
            return type.repeated() ? "[]" : null; // BigQuery has no NULL arrays
        }
        try {
            Object v = ValueConverter.convert(type, text, policy == ValuePolicy.NULL);
            if (v instanceof JSONArray a) {
                List<String> items = new ArrayList<>();
                for (Object item : a) {
                    items.add(converted(type.element(), item));
                }
                return items.toString();
            }
            return converted(type, v);
        } catch (UnrepresentableValue e) {
            return policy == ValuePolicy.NULL ? null : UNREPRESENTABLE;
        }
    }

    private static String converted(ColumnType type, Object v) {
        return switch (type.kind()) {
            case FLOAT64 -> String.valueOf(Double.parseDouble((String) v));
            case NUMERIC, BIGNUMERIC -> new BigDecimal((String) v).stripTrailingZeros().toPlainString();
            case BYTES -> Base64.getEncoder().encodeToString(((ByteString) v).toByteArray());
            case DATE -> LocalDate.ofEpochDay(((Number) v).longValue()).toString();
            case TIME -> CivilTimeEncoder.decodePacked64TimeMicrosLocalTime((Long) v).toString();
            case DATETIME -> CivilTimeEncoder.decodePacked64DatetimeMicrosLocalDateTime((Long) v).toString();
            case JSON -> json((String) v);
            default -> String.valueOf(v);
        };
    }

    /** The BigQuery side: a value as tabledata.list returned it. */
    public static String ofBigQuery(ColumnType type, FieldValue v) {
        if (v == null || v.isNull()) {
            return type.repeated() ? "[]" : null;
        }
        if (type.repeated()) {
            List<String> items = new ArrayList<>();
            for (FieldValue item : v.getRepeatedValue()) {
                items.add(ofBigQuery(type.element(), item));
            }
            return items.toString();
        }
        return switch (type.kind()) {
            case INT64 -> String.valueOf(v.getLongValue());
            case FLOAT64 -> String.valueOf(v.getDoubleValue());
            case NUMERIC, BIGNUMERIC -> v.getNumericValue().stripTrailingZeros().toPlainString();
            case BOOL -> String.valueOf(v.getBooleanValue());
            case BYTES -> Base64.getEncoder().encodeToString(v.getBytesValue());
            case DATE -> LocalDate.parse(v.getStringValue()).toString();
            case TIME -> LocalTime.parse(v.getStringValue()).toString();
            case DATETIME -> LocalDateTime.parse(v.getStringValue()).toString();
            case TIMESTAMP -> String.valueOf(v.getTimestampValue());
            case JSON -> json(v.getStringValue());
            case STRING, INTERVAL -> v.getStringValue();
        };
    }

    /** JSON without whitespace and with keys sorted: BigQuery normalises stored JSON the same way. */
    private static String json(String text) {
        try {
            return JSON.writeValueAsString(JSON.readValue(text, Object.class));
        } catch (IOException e) {
            return text;
        }
    }
}
