package io.walbridge.core.testing.bigquery;

import io.grpc.Status;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Errors a test makes the stand-in answer with: transient ones BigQuery sends under load (the write stream
 * broken off with UNAVAILABLE, an append answered RESOURCE_EXHAUSTED, REST 503 backendError), and a permanent
 * refusal of rows a predicate picks.
 */
public final class StandInFaults {

    private final AtomicInteger brokenStreams = new AtomicInteger();
    private final AtomicInteger quotaErrors = new AtomicInteger();
    private final AtomicInteger restErrors = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile Predicate<DecodedRowView> refuse = r -> false;

    /** A read-only look at a row for {@link #refuseRows}. */
    public interface DecodedRowView {
        String table();

        Object value(String column);
    }

    /** The next {@code n} append requests break their stream with UNAVAILABLE (nothing of them is applied). */
    public StandInFaults breakNextStreams(int n) {
        brokenStreams.set(n);
        return this;
    }

    /** The next {@code n} append requests are answered RESOURCE_EXHAUSTED (quota; nothing of them is applied). */
    public StandInFaults exhaustQuotaForNextAppends(int n) {
        quotaErrors.set(n);
        return this;
    }

    /** The next {@code n} REST calls answer 503 backendError. */
    public StandInFaults failNextRestCalls(int n) {
        restErrors.set(n);
        return this;
    }

    /** Rows the predicate picks are refused (INVALID_ARGUMENT with a row error), every time they are sent. */
    public StandInFaults refuseRows(Predicate<DecodedRowView> rows) {
        refuse = rows;
        return this;
    }

    /** How many injected errors were answered so far. */
    public int injected() {
        return injected.get();
    }

    Status appendFault() {
        if (take(brokenStreams)) {
            return Status.UNAVAILABLE.withDescription("stand-in: the connection was reset (injected)");
        }
        return null;
    }

    boolean quotaFault() {
        return take(quotaErrors);
    }

    boolean restFault() {
        return take(restErrors);
    }

    boolean refuses(DecodedRowView row) {
        return refuse.test(row);
    }

    private boolean take(AtomicInteger counter) {
        if (counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            injected.incrementAndGet();
            return true;
        }
        return false;
    }

    void refused() {
        injected.incrementAndGet();
    }
}
