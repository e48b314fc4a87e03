package io.walbridge.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of the results: the same work timed on PostgreSQL's own side and on WalBridge's.
 *
 * @param nativeSeconds    one entry per run; empty when the native side was not run ({@code nativeAbsent} says why)
 * @param walbridgeSeconds one entry per run
 * @param target           least ratio native/WalBridge asked for; 0 when the row has no speed target
 * @param note             extra facts for this row (e.g. peak heap), or empty
 */
record Measurement(String name, long rows, List<Double> nativeSeconds, String nativeAbsent,
                   List<Double> walbridgeSeconds, double target, String note) {

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    boolean hasNative() {
        return !nativeSeconds.isEmpty();
    }

    double nativeMedian() {
        return median(nativeSeconds);
    }

    double walbridgeMedian() {
        return median(walbridgeSeconds);
    }

    /** Above 1 means WalBridge was faster. */
    double ratio() {
        return nativeMedian() / walbridgeMedian();
    }

    boolean met() {
        return !hasNative() || target == 0 || ratio() >= target;
    }
}
