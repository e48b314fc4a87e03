package io.walbridge.core.pipeline;

import io.walbridge.core.sink.Sink;

/** Opens a fresh destination connection for each replication session (after a reconnect too). */
@FunctionalInterface
public interface SinkFactory {
    Sink open();
}
