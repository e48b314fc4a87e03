package io.walbridge.core.sink.postgres;

import java.util.Set;

/** A destination column and the type its values are cast to (schema-qualified {@code format_type} text). */
record DestinationColumn(String name, String type) {

    /** Types without an equality operator: rows are matched on their text form instead. */
    private static final Set<String> NO_EQUALITY = Set.of("json", "xml", "point", "line", "lseg", "box", "path",
            "polygon", "circle");

    boolean comparableAsText() {
        String base = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        return NO_EQUALITY.contains(base);
    }
}
