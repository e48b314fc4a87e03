package io.walbridge.app.common;

import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.Pipeline;

/** Starts a saved pipeline in this process; tests may replace it. Called off the UI thread (it connects). */
@FunctionalInterface
public interface PipelineEngine {

    Pipeline start(SavedPipeline pipeline, Secret sourcePassword, Secret destinationPassword);
}
