package io.walbridge.core.pipeline;

import io.walbridge.core.sink.bigquery.BigQuerySink;
import io.walbridge.core.sink.bigquery.BigQuerySnapshotTarget;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.SourceTypes;
import io.walbridge.core.source.SourceCatalog;

/**
 * Wires a pipeline into a BigQuery dataset: unchanged TOASTed values filled in from the source, the BigQuery
 * sink, and table copies through the same write path. The target carries its endpoints, so the same wiring
 * runs against Google or a local emulator.
 */
public final class BigQueryPipeline {

    private BigQueryPipeline() {
    }

    public static Pipeline create(PipelineConfig config, BigQueryTarget target) {
        SourceCatalog catalog = new SourceCatalog(config.source());
        SourceTypes types = new SourceTypes(config.source());
        return new Pipeline(config,
                () -> new UnchangedValueFill(new BigQuerySink(target, config.name(), catalog, types), config.source(), catalog),
                new BigQuerySnapshotTarget(target, config.name(), types));
    }
}
