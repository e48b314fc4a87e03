package io.walbridge.app.common;

import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.BigQueryPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PostgresPipeline;
import io.walbridge.core.setup.EndpointProbe;
import io.walbridge.core.source.PgEndpoint;

/**
 * The replication engine wired as {@code walbridge run} wires it: PostgreSQL or BigQuery sink plus initial table
 * copies.
 */
public final class InProcessEngine implements PipelineEngine {

    @Override
    public Pipeline start(SavedPipeline saved, Secret sourcePassword, Secret destinationPassword) {
        PgEndpoint src = saved.source().toEndpoint(sourcePassword);
        boolean bigQuery = SavedPipeline.BIGQUERY.equals(saved.destinationKind());
        PgEndpoint dst = bigQuery ? null : saved.destination().toEndpoint(destinationPassword);
        EndpointProbe.reach("source", src);
        if (dst != null) {
            EndpointProbe.reach("destination", dst);
        }
        PipelineConfig config = new PipelineConfig(src, saved.publication(), saved.slot()).withName(saved.name());
        Pipeline pipeline = bigQuery ? BigQueryPipeline.create(config, saved.bigQuery().toTarget())
                : PostgresPipeline.create(config, dst);
        pipeline.start();
        return pipeline;
    }
}
