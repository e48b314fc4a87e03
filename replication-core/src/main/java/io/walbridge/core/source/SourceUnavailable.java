package io.walbridge.core.source;

import io.walbridge.core.ReplicationFailure;

/** The source cannot serve replication right now: connection lost, slot missing or busy, publication gone. */
public final class SourceUnavailable extends ReplicationFailure {

    public SourceUnavailable(String problem, String fix, boolean retriable, Throwable cause) {
        super(problem, fix, retriable, cause);
    }
}
