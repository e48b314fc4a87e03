package io.walbridge.core.testing.bigquery;

import java.util.Map;

/** One row of an append request: its column values, and the CDC pseudo-columns when it has them. */
record DecodedRow(Map<String, Object> values, String changeType, long[] sequence) {
}
