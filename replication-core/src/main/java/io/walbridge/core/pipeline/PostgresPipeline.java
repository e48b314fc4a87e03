package io.walbridge.core.pipeline;

import io.walbridge.core.sink.postgres.PostgresSink;
import io.walbridge.core.sink.postgres.PostgresSnapshotTarget;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourceCatalog;

/** Wires a pipeline into a PostgreSQL destination: streaming sink plus table copies. */
public final class PostgresPipeline {

    private PostgresPipeline() {
    }

    public static Pipeline create(PipelineConfig config, PgEndpoint target) {
        SourceCatalog catalog = new SourceCatalog(config.engineSource());
        return new Pipeline(config, () -> new PostgresSink(target, config.name(), catalog, config.stallTimeout()),
                new PostgresSnapshotTarget(target, config.name(), config.stallTimeout()));
    }
}
