package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;

/**
 * The schema the Storage Write API writer is given: the BigQuery table's own columns as they are, plus the
 * CDC pseudo-columns {@code _CHANGE_TYPE} and {@code _CHANGE_SEQUENCE_NUMBER} for current-state tables.
 */
final class WriterSchema {

    private WriterSchema() {
    }

    static TableSchema of(Schema table, boolean cdc) {
        TableSchema.Builder b = TableSchema.newBuilder();
        for (Field f : table.getFields()) {
            b.addFields(field(f));
        }
        if (cdc) {
            b.addFields(pseudo(BigQueryNames.CHANGE_TYPE));
            b.addFields(pseudo(BigQueryNames.CHANGE_SEQUENCE));
        }
        return b.build();
    }

    private static TableFieldSchema pseudo(String name) {
        return TableFieldSchema.newBuilder().setName(name).setType(TableFieldSchema.Type.STRING)
                .setMode(TableFieldSchema.Mode.NULLABLE).build();
    }

    private static TableFieldSchema field(Field f) {
        TableFieldSchema.Builder b = TableFieldSchema.newBuilder().setName(f.getName()).setType(type(f));
        Field.Mode mode = f.getMode() == null ? Field.Mode.NULLABLE : f.getMode();
        b.setMode(switch (mode) {
            case REQUIRED -> TableFieldSchema.Mode.REQUIRED;
            case REPEATED -> TableFieldSchema.Mode.REPEATED;
            case NULLABLE -> TableFieldSchema.Mode.NULLABLE;
        });
        if (f.getSubFields() != null) {
            for (Field sub : f.getSubFields()) {
                b.addFields(field(sub));
            }
        }
        return b.build();
    }

    private static TableFieldSchema.Type type(Field f) {
        return switch (f.getType().getStandardType()) {
            case INT64 -> TableFieldSchema.Type.INT64;
            case FLOAT64 -> TableFieldSchema.Type.DOUBLE;
            case NUMERIC -> TableFieldSchema.Type.NUMERIC;
            case BIGNUMERIC -> TableFieldSchema.Type.BIGNUMERIC;
            case BOOL -> TableFieldSchema.Type.BOOL;
            case STRING -> TableFieldSchema.Type.STRING;
            case BYTES -> TableFieldSchema.Type.BYTES;
            case DATE -> TableFieldSchema.Type.DATE;
            case TIME -> TableFieldSchema.Type.TIME;
            case DATETIME -> TableFieldSchema.Type.DATETIME;
            case TIMESTAMP -> TableFieldSchema.Type.TIMESTAMP;
            case JSON -> TableFieldSchema.Type.JSON;
            case GEOGRAPHY -> TableFieldSchema.Type.GEOGRAPHY;
            case INTERVAL -> TableFieldSchema.Type.INTERVAL;
            case STRUCT -> TableFieldSchema.Type.STRUCT;
            case RANGE -> TableFieldSchema.Type.RANGE;
            default -> TableFieldSchema.Type.STRING;
        };
    }
}
