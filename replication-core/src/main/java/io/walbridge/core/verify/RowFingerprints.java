package io.walbridge.core.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Order-independent fingerprints of rows seen one by one (a table read through an API rather than by SQL):
 * rows fall into buckets by their key's hash, and each bucket keeps its row count and the sum of its rows'
 * hashes. Only buckets that differ are read again, keeping rows by key.
 */
final class RowFingerprints {

    static final int BUCKETS = 1024;

    private final long[] counts = new long[BUCKETS];
    private final long[] sums = new long[BUCKETS];
    private final Set<Integer> keep;
    private final Map<String, Long> kept = new HashMap<>();
    private long rows;

    /** @param keep buckets whose rows are kept by key; null keeps none */
    RowFingerprints(Set<Integer> keep) {
        this.keep = keep;
    }

    void add(String key, List<String> values) {
        int bucket = (int) Math.floorMod(hash(key), (long) BUCKETS);
        long h = hash(key + "\u0001" + values);
        counts[bucket]++;
        sums[bucket] += h;
        rows++;
        if (keep != null && keep.contains(bucket)) {
            kept.merge(key, h, (a, b) -> a ^ b ^ 1); // a key seen twice never equals a key seen once
        }
    }

    long rows() {
        return rows;
    }

    Map<String, Long> kept() {
        return kept;
    }

    Set<Integer> differingBuckets(RowFingerprints other) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != other.counts[i] || sums[i] != other.sums[i]) {
                out.add(i);
            }
        }
        return out;
    }

    private static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
