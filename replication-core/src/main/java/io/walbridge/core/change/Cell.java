package io.walbridge.core.change;

/** One column value of a row as pgoutput sends it: SQL NULL, an unchanged TOASTed value, or text. */
public sealed interface Cell {

    /** SQL NULL. */
    record Null() implements Cell {
    }

    /** A TOASTed value the update did not change: the destination keeps what it has. */
    record Unchanged() implements Cell {
    }

    /** A value in PostgreSQL's text output format, which the destination parses back with the same type. */
    record Text(String value) implements Cell {
    }

    /** A value in the type's binary send format (pgoutput {@code binary} option). */
    record Binary(byte[] value) implements Cell {
    }

    Cell NULL = new Null();
    Cell UNCHANGED = new Unchanged();

    static Cell text(String value) {
        return new Text(value);
    }
}
