package io.walbridge.core.sql;

/** Builds SQL text from identifiers and literals safely; names and values are never concatenated raw. */
public final class Sql {

    private Sql() {
    }

    /** A double-quoted identifier: {@code x"y} becomes {@code "x""y"}. Any name is accepted, none is executable. */
    public static String ident(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty SQL identifier");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SQL identifier contains a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A standard string literal. Only for statements that cannot take bind parameters (DDL such as
     * {@code CREATE TYPE … AS ENUM}, {@code CREATE ROLE … PASSWORD}); everything else binds values.
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SQL literal contains a NUL character");
        }
        return '\'' + value.replace("'", "''") + '\'';
    }
}
