package io.walbridge.core.snapshot;

import java.util.Arrays;

/**
 * The set of transactions a table copy saw, as {@code txid_current_snapshot()} prints it
 * ({@code xmin:xmax:xip,…}). A streamed transaction whose changes are already in the copy is exactly
 * one this snapshot sees, which is how backfill and stream meet without loss or overlap.
 */
public record TxidSnapshot(long xmin, long xmax, long[] inProgress) {

    public static TxidSnapshot parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a txid snapshot: " + text);
        }
        long[] xip = parts[2].isEmpty() ? new long[0]
                : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).sorted().toArray();
        return new TxidSnapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
    }

    /**
     * Whether a committed transaction, known by the 32-bit xid pgoutput sends, is visible to this
     * snapshot. The epoch is taken from {@code xmax}: the stream never lags 2^31 transactions behind.
     */
    public boolean sees(long xid32) {
        long full = (xmax & ~0xFFFFFFFFL) | (xid32 & 0xFFFFFFFFL);
        if (full > xmax + (1L << 31)) {
            full -= 1L << 32;
        } else if (full < xmax - (1L << 31)) {
            full += 1L << 32;
        }
        if (full < xmin) {
            return true;
        }
        if (full >= xmax) {
            return false;
        }
        return Arrays.binarySearch(inProgress, full) < 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(xmin).append(':').append(xmax).append(':');
        for (int i = 0; i < inProgress.length; i++) {
            sb.append(i == 0 ? "" : ",").append(inProgress[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxidSnapshot t && t.xmin == xmin && t.xmax == xmax && Arrays.equals(t.inProgress, inProgress);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(xmin) * 31 + Long.hashCode(xmax) * 17 + Arrays.hashCode(inProgress);
    }
}
