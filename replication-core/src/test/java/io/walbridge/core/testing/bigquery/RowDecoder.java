package io.walbridge.core.testing.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.bigquery.storage.v1.BigDecimalByteStringEncoder;
import com.google.cloud.bigquery.storage.v1.CivilTimeEncoder;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one serialized row of an append request with the writer's proto descriptor, and checks it against the
 * table the way BigQuery does: unknown fields, missing REQUIRED values, values out of BigQuery's ranges, invalid
 * JSON and CDC pseudo-columns on a table without a primary key are refused with a reason.
 */
final class RowDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_MICROS = -62135596800000000L;
    private static final long MAX_MICROS = 253402300799999999L;

    /** Why a row (or a whole request) is refused. */
    static final class Refused extends Exception {
        final boolean wholeRequest;

        Refused(String message, boolean wholeRequest) {
            super(message, null, false, false);
            this.wholeRequest = wholeRequest;
        }
    }

    private RowDecoder() {
    }

    static DecodedRow decode(Descriptor descriptor, ByteString bytes, StandInTable table) throws Refused {
        DynamicMessage m;
        try {
            m = DynamicMessage.parseFrom(descriptor, bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new Refused("the row is not a valid message of the writer schema: " + e.getMessage(), false);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String changeType = null;
        long[] sequence = new long[0];
        for (FieldDescriptor f : descriptor.getFields()) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            if (name.equals("_change_type") || name.equals("_change_sequence_number")) {
                if (!m.hasField(f)) {
                    continue;
                }
                if (table.primaryKey().isEmpty()) {
                    throw new Refused("_CHANGE_TYPE needs a table with a primary key; " + table.name() + " has none", true);
                }
                String v = (String) m.getField(f);
                if (name.equals("_change_type")) {
                    if (!v.equals("UPSERT") && !v.equals("DELETE")) {
                        throw new Refused("_CHANGE_TYPE must be UPSERT or DELETE, not " + v, false);
                    }
                    changeType = v;
                } else {
                    sequence = Sequences.parse(v);
                    if (sequence == null) {
                        throw new Refused("invalid _CHANGE_SEQUENCE_NUMBER '" + v + "'", false);
                    }
                }
                continue;
            }
            StandInField column = table.field(name);
            if (column == null) {
                throw new Refused("Input schema has more fields than BigQuery schema, extra fields: '" + name + "'", true);
            }
            if (f.isRepeated()) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < m.getRepeatedFieldCount(f); i++) {
                    list.add(value(column, m.getRepeatedField(f, i)));
                }
                values.put(name, list);
            } else if (m.hasField(f)) {
                values.put(name, value(column, m.getField(f)));
            }
        }
        for (StandInField column : table.fields()) {
            if (column.mode().equals("REQUIRED") && values.get(column.name().toLowerCase(Locale.ROOT)) == null
                    && !"DELETE".equals(changeType)) {
                throw new Refused("required field " + column.name() + " is missing", false);
            }
        }
        if (changeType != null) {
            for (String k : table.primaryKey()) {
                if (values.get(k.toLowerCase(Locale.ROOT)) == null) {
                    throw new Refused("primary key column " + k + " is missing", false);
                }
            }
        }
        return new DecodedRow(values, changeType, sequence);
    }

    private static Object value(StandInField column, Object raw) throws Refused {
        try {
            return switch (column.type()) {
                case "INTEGER" -> (Long) raw;
                case "FLOAT" -> (Double) raw;
                case "BOOLEAN" -> (Boolean) raw;
                case "STRING" -> (String) raw;
                case "BYTES" -> ((ByteString) raw).toByteArray();
                case "NUMERIC" -> BigDecimalByteStringEncoder.decodeNumericByteString((ByteString) raw);
                case "BIGNUMERIC" -> BigDecimalByteStringEncoder.decodeBigNumericByteString((ByteString) raw);
                case "DATE" -> date((Integer) raw);
                case "TIME" -> CivilTimeEncoder.decodePacked64TimeMicrosLocalTime((Long) raw);
                case "DATETIME" -> CivilTimeEncoder.decodePacked64DatetimeMicrosLocalDateTime((Long) raw);
                case "TIMESTAMP" -> timestamp((Long) raw);
                case "JSON" -> json((String) raw);
                default -> throw new Refused("the stand-in does not take " + column.type() + " columns", true);
            };
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new Refused("field " + column.name() + ": " + e.getMessage(), false);
        }
    }

    private static LocalDate date(int epochDay) throws Refused {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new Refused("date out of range: " + d, false);
        }
        return d;
    }

    private static Instant timestamp(long micros) throws Refused {
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw new Refused("timestamp out of range: " + micros, false);
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }

    private static String json(String text) throws Refused {
        try {
            JSON.readTree(text);
            return text;
        } catch (IOException e) {
            throw new Refused("invalid JSON: " + e.getMessage(), false);
        }
    }
}
