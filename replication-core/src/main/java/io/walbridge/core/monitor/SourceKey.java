package io.walbridge.core.monitor;

import io.walbridge.core.source.PgEndpoint;

/** Names a source server in file names: slots belong to the whole server, so host and port, not the database. */
public record SourceKey(String host, int port) {

    public static SourceKey of(PgEndpoint endpoint) {
        return new SourceKey(endpoint.host(), endpoint.port());
    }

    /** {@code db.example.com-5432}: letters, digits, dots and dashes only. */
    public String fileName() {
        return host.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
