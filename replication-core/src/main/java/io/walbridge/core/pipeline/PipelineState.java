package io.walbridge.core.pipeline;

/** Where a pipeline is in its life; FAILED comes with a reason and a fix in {@link PipelineMetrics}. */
public enum PipelineState {
    STARTING, SNAPSHOTTING, STREAMING, PAUSED, RECONNECTING, STOPPING, STOPPED, FAILED;

    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }
}
