package io.walbridge.core.sink;

import io.walbridge.core.ReplicationFailure;

/** The destination refused or lost a write. */
public final class SinkFailure extends ReplicationFailure {

    public SinkFailure(String problem, String fix, boolean retriable, Throwable cause) {
        super(problem, fix, retriable, cause);
    }
}
