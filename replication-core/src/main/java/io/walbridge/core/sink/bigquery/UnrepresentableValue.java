package io.walbridge.core.sink.bigquery;

/** A source value BigQuery's column type cannot hold; the {@link ValuePolicy} decides what happens. */
final class UnrepresentableValue extends Exception {

    UnrepresentableValue(String reason) {
        super(reason, null, false, false);
    }
}
