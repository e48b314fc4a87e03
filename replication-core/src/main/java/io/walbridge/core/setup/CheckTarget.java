package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.Secret;
import io.walbridge.core.setup.tls.SslMode;
import io.walbridge.core.source.PgEndpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What to diagnose: the source endpoint (TLS settings included) and, optionally, the tables to replicate. */
public record CheckTarget(PgEndpoint endpoint, List<TableId> tables) {

    public CheckTarget {
        tables = List.copyOf(tables);
        SslMode.of(endpoint.sslMode());
    }

    /**
     * A target for an endpoint and an optional CA file. A CA given without an sslmode means the user
     * wants the server authenticated, so it implies {@code verify-full}; the CA also goes to pgjdbc as
     * {@code sslrootcert} so the login stage verifies the same way the TLS stage did.
     */
    public static CheckTarget of(PgEndpoint endpoint, Path caFile, List<TableId> tables) {
        PgEndpoint e = endpoint;
        if (caFile != null) {
            if (!e.params().containsKey("sslmode")) {
                e = e.withParam("sslmode", SslMode.VERIFY_FULL.text());
            }
            e = e.withParam("sslrootcert", caFile.toAbsolutePath().toString());
        }
        return new CheckTarget(e, tables);
    }

    /** The endpoint as it may be shown: no password, and no TLS key password either. */
    public String display() {
        return endpoint.params().containsKey("sslpassword") ? endpoint.withParam("sslpassword", "*****").display()
                : endpoint.display();
    }

    /** Everything in the endpoint that must never be shown. */
    public List<Secret> secrets() {
        return List.of(endpoint.password(), new Secret(endpoint.params().get("sslpassword")));
    }

    public SslMode sslMode() {
        return SslMode.of(endpoint.sslMode());
    }

    /** The CA file the client trusts: {@code sslrootcert}, else pgjdbc's default {@code ~/.postgresql/root.crt} if present. */
    public Optional<Path> caFile() {
        String root = endpoint.params().get("sslrootcert");
        if (root != null && !root.isBlank()) {
            return Optional.of(Path.of(root));
        }
        Path fallback = defaultRootCert();
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private static Path defaultRootCert() {
        String appData = System.getenv("APPDATA");
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("windows");
        return windows && appData != null
                ? Path.of(appData, "postgresql", "root.crt")
                : Path.of(System.getProperty("user.home"), ".postgresql", "root.crt");
    }
}
