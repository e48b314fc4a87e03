package io.walbridge.core.sink.bigquery;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Stand-in values as comparable text: numbers plain, bytes as {@code \x…} hex, arrays as {@code [a, b]}. */
final class StandInValues {

    private StandInValues() {
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(StandInValues::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }
}
