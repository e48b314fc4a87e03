package io.walbridge.core.change;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One column value of a row as pgoutput sends it: SQL NULL, an unchanged TOASTed value, or text. */
public sealed interface Cell {

    /** SQL NULL. */
    record Null() implements Cell {
    }

    /** A TOASTed value the update did not change: the destination keeps what it has. */
    record Unchanged() implements Cell {
    }

    /**
     * A value in PostgreSQL's text output format, which the destination parses back with the same type.
     * Kept as the UTF-8 bytes pgoutput sent, since a COPY to the destination sends exactly those bytes;
     * decoded to a String only when asked.
     */
    final class Text implements Cell {
        private final byte[] utf8;
        private String value;

        public Text(String value) {
            this.value = value;
            this.utf8 = value.getBytes(StandardCharsets.UTF_8);
        }

        private Text(byte[] utf8) {
            this.utf8 = utf8;
        }

        /** Takes the array as it is (the caller hands it over and does not change it). */
        public static Text ofUtf8(byte[] utf8) {
            return new Text(utf8);
        }

        public String value() {
            String v = value;
            if (v == null) {
                // a racy cache is fine: every thread computes the same immutable String
                v = new String(utf8, StandardCharsets.UTF_8);
                value = v;
            }
            return v;
        }

        /** The value's UTF-8 bytes; the array itself, so never change it. */
        public byte[] utf8() {
            return utf8;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && Arrays.equals(utf8, t.utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return "Text[value=" + value() + "]";
        }
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
