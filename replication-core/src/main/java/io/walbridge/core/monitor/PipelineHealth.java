package io.walbridge.core.monitor;

import io.walbridge.core.pipeline.PipelineMetrics;
import io.walbridge.core.pipeline.PipelineState;

import java.time.Instant;

/**
 * What a running WalBridge pipeline tells the alerts about the slot it reads.
 *
 * @param lastAppliedCommit source commit time of the newest transaction the destination holds; null before the first
 * @param failure           why the pipeline stopped, or null while it runs
 */
public record PipelineHealth(Instant lastAppliedCommit, String failure, String failureFix) {

    public static PipelineHealth of(PipelineMetrics metrics) {
        boolean failed = metrics.state() == PipelineState.FAILED;
        return new PipelineHealth(metrics.lastSourceCommitTime(), failed ? metrics.failure() : null,
                failed ? metrics.failureFix() : null);
    }

    public boolean failed() {
        return failure != null;
    }
}
