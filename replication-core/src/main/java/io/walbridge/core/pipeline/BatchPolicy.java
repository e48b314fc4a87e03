package io.walbridge.core.pipeline;

import java.time.Duration;

/**
 * How the applier groups events into destination transactions, and how much may wait in memory.
 *
 * @param maxEvents  events per batch
 * @param maxBytes   estimated bytes per batch
 * @param maxDelay   how long a partial batch may wait for more events
 * @param queueBytes estimated bytes that may wait between reader and applier (back-pressure beyond)
 */
public record BatchPolicy(int maxEvents, long maxBytes, Duration maxDelay, long queueBytes) {

    /**
     * Large batches, since each costs a few round trips and a commit whatever its size; a modest queue, since
     * everything in it is live heap that every young GC copies.
     */
    public static final BatchPolicy DEFAULT = new BatchPolicy(20_000, 2L << 20, Duration.ofMillis(200), 8L << 20);

    public BatchPolicy {
        if (maxEvents < 1 || maxBytes < 1 || queueBytes < maxBytes || maxDelay.isNegative()) {
            throw new IllegalArgumentException("batch limits must be positive and the queue at least one batch large");
        }
    }
}
