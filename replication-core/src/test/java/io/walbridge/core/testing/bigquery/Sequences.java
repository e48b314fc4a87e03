package io.walbridge.core.testing.bigquery;

/** {@code _CHANGE_SEQUENCE_NUMBER}: up to four sections of 1 to 16 hex digits, separated by '/', compared in order. */
final class Sequences {

    private Sequences() {
    }

    /** The sections, or null when the text is not a valid sequence number. */
    static long[] parse(String text) {
        if (text == null) {
            return new long[0];
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,16}")) {
                return null;
            }
            out[i] = Long.parseUnsignedLong(parts[i], 16);
        }
        return out;
    }

    static int compare(long[] a, long[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            int c = Long.compareUnsigned(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
