package io.walbridge.core.pipeline;

import io.walbridge.core.source.PgEndpoint;

import java.time.Duration;

/**
 * What one pipeline replicates: the source, its publication and slot, and how to batch.
 *
 * @param name           identifies the pipeline's checkpoint in the destination (defaults to the slot name)
 * @param statusInterval how often standby status goes to the source at least (≈ wal_sender_timeout / 3)
 * @param snapshotWorkers parallel COPY workers for the initial copy
 */
public record PipelineConfig(PgEndpoint source, String publication, String slot, String name, BatchPolicy batching,
                             Duration statusInterval, int snapshotWorkers) {

    public PipelineConfig(PgEndpoint source, String publication, String slot) {
        this(source, publication, slot, slot, BatchPolicy.DEFAULT, Duration.ofSeconds(10), 4);
    }

    public PipelineConfig withName(String pipelineName) {
        return new PipelineConfig(source, publication, slot, pipelineName, batching, statusInterval, snapshotWorkers);
    }

    public PipelineConfig withBatching(BatchPolicy policy) {
        return new PipelineConfig(source, publication, slot, name, policy, statusInterval, snapshotWorkers);
    }

    public PipelineConfig withStatusInterval(Duration interval) {
        return new PipelineConfig(source, publication, slot, name, batching, interval, snapshotWorkers);
    }

    public PipelineConfig withSnapshotWorkers(int workers) {
        return new PipelineConfig(source, publication, slot, name, batching, statusInterval, workers);
    }
}
