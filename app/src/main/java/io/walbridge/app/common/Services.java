package io.walbridge.app.common;

import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.setup.ConnectionFactory;

/** What the view-models reach the outside world through; tests build their own. */
public record Services(TaskRunner tasks, ConnectionFactory connections, PipelineStore pipelines, SecretStore secrets,
                       PipelineEngine engine) {
}
