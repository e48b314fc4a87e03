package io.walbridge.core.handoff;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A source as WalBridge prepared it for another engine: where it is, the login made for reading it, TLS with
 * the CA that verified it, and the publication and slot that exist on it. Every hand-off is built from this.
 *
 * @param caFile the CA certificate that verified the server; null when none was given
 */
public record PreparedSource(String host, int port, String database, String user, Secret password, String sslMode,
                             Path caFile, String publication, String slot, List<TableId> tables) {

    public PreparedSource {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(slot, "slot");
        password = password == null ? Secret.NONE : password;
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode;
        tables = List.copyOf(tables);
    }

    public static PreparedSource of(SavedPipeline pipeline, Secret password) {
        SavedEndpoint s = pipeline.source();
        return new PreparedSource(s.host(), s.port(), s.database(), s.user(), password, s.sslMode(),
                s.caFile() == null || s.caFile().isBlank() ? null : Path.of(s.caFile()), pipeline.publication(),
                pipeline.slot(), pipeline.tables().stream().map(TableId::parse).toList());
    }

    /** Whether the server's certificate is checked against the CA (and, for verify-full, the host name). */
    public boolean verifiesServer() {
        return sslMode.equals("verify-ca") || sslMode.equals("verify-full");
    }
}
