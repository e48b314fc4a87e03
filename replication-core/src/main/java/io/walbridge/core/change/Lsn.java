package io.walbridge.core.change;

/** A PostgreSQL write-ahead-log position, printed and parsed as {@code 16/B374D848}. */
public record Lsn(long value) implements Comparable<Lsn> {

    public static final Lsn ZERO = new Lsn(0);

    /** Parses {@code X/Y} (hex halves); rejects anything else instead of returning 0 like pgjdbc does. */
    public static Lsn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("LSN is missing");
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not an LSN (expected like 16/B374D848): " + text);
        }
        try {
            long hi = Long.parseLong(text.substring(0, slash), 16);
            long lo = Long.parseLong(text.substring(slash + 1), 16);
            if (hi < 0 || hi > 0xFFFFFFFFL || lo < 0 || lo > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("LSN half out of range: " + text);
            }
            return new Lsn((hi << 32) | lo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN (expected like 16/B374D848): " + text, e);
        }
    }

    public boolean isAfter(Lsn other) {
        return Long.compareUnsigned(value, other.value) > 0;
    }

    public boolean isBefore(Lsn other) {
        return Long.compareUnsigned(value, other.value) < 0;
    }

    public static Lsn max(Lsn a, Lsn b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Bytes from {@code other} up to this position (negative when this one is earlier). */
    public long minus(Lsn other) {
        return value - other.value;
    }

    @Override
    public int compareTo(Lsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
