package io.walbridge.core.pipeline;

import io.walbridge.core.source.PgEndpoint;

import java.time.Duration;

/**
 * What one pipeline replicates: the source, its publication and slot, and how to batch.
 *
 * @param name           identifies the pipeline's checkpoint in the destination (defaults to the slot name)
 * @param statusInterval how often standby status goes to the source at least (≈ wal_sender_timeout / 3)
 * @param snapshotWorkers parallel COPY workers for the initial copy
 * @param stallTimeout   how long a peer may stay silent — the source not answering a keepalive request, the
 *                       destination neither reachable nor working on the statement it was sent — before the
 *                       connection is given up as dead and the pipeline reconnects
 */
public record PipelineConfig(PgEndpoint source, String publication, String slot, String name, BatchPolicy batching,
                             Duration statusInterval, int snapshotWorkers, Duration stallTimeout) {

    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public PipelineConfig(PgEndpoint source, String publication, String slot) {
        this(source, publication, slot, slot, BatchPolicy.DEFAULT, Duration.ofSeconds(10), 4, DEFAULT_STALL_TIMEOUT);
    }

    public PipelineConfig withName(String pipelineName) {
        return new PipelineConfig(source, publication, slot, pipelineName, batching, statusInterval, snapshotWorkers,
                stallTimeout);
    }

    public PipelineConfig withBatching(BatchPolicy policy) {
        return new PipelineConfig(source, publication, slot, name, policy, statusInterval, snapshotWorkers, stallTimeout);
    }

    public PipelineConfig withStatusInterval(Duration interval) {
        return new PipelineConfig(source, publication, slot, name, batching, interval, snapshotWorkers, stallTimeout);
    }

    public PipelineConfig withSnapshotWorkers(int workers) {
        return new PipelineConfig(source, publication, slot, name, batching, statusInterval, workers, stallTimeout);
    }

    public PipelineConfig withStallTimeout(Duration timeout) {
        return new PipelineConfig(source, publication, slot, name, batching, statusInterval, snapshotWorkers, timeout);
    }

    /**
     * The source as the engine's own connections use it: a read that waits longer than the stall timeout fails
     * (unless the URL sets its own {@code socketTimeout}), so a source that vanished mid-query cannot hang the
     * engine. Reads of a healthy source are short or stream steadily (COPY), so this never cuts working queries.
     */
    public PgEndpoint engineSource() {
        return withReadTimeout(source, stallTimeout);
    }

    /** The endpoint with pgjdbc's {@code socketTimeout} (whole seconds, at least 1) unless it already has one. */
    public static PgEndpoint withReadTimeout(PgEndpoint endpoint, Duration timeout) {
        if (endpoint.params().containsKey("socketTimeout")) {
            return endpoint;
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return endpoint.withParam("socketTimeout", String.valueOf(seconds));
    }
}
