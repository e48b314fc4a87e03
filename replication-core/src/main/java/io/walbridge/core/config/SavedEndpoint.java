package io.walbridge.core.config;

import io.walbridge.core.source.PgEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL endpoint as a pipeline file stores it: everything but the password, which lives in a
 * {@link SecretStore} under a key of its own.
 *
 * @param caFile the CA certificate file for {@code verify-ca}/{@code verify-full}; null when none
 */
public record SavedEndpoint(String host, int port, String database, String user, String sslMode, String caFile) {

    /** The endpoint to connect to, with the password looked up by the caller. */
    public PgEndpoint toEndpoint(Secret password) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sslmode", sslMode == null || sslMode.isBlank() ? "prefer" : sslMode);
        if (caFile != null && !caFile.isBlank()) {
            params.put("sslrootcert", caFile);
        }
        return new PgEndpoint(host, port, database, user, password, params);
    }
}
