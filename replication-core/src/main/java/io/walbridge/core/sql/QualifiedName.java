package io.walbridge.core.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits dotted names as users type them ({@code public.orders}, {@code "My Schema"."a.b"}). */
public final class QualifiedName {

    private QualifiedName() {
    }

    /** Unquoted parts are taken as typed (not case-folded): users type names as they see them in catalogs. */
    public static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty name");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                add(parts, cur, wasQuoted, text);
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in name: " + text);
        }
        add(parts, cur, wasQuoted, text);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder cur, boolean wasQuoted, String text) {
        String part = wasQuoted ? cur.toString() : cur.toString().trim();
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty part in name: " + text);
        }
        parts.add(part);
    }
}
