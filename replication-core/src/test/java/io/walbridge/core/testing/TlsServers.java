package io.walbridge.core.testing;

import io.walbridge.core.setup.TestPki;

import java.nio.file.Path;

/**
 * Servers with TLS on, one per certificate of the {@link TestPki} (for localhost, for another host name, an
 * expired one), each started on first use and shared by every test of the JVM.
 */
public final class TlsServers {

    private TlsServers() {
    }

    /** The server presenting {@code cert} (one of {@link TestPki}'s certificates). */
    public static PgServer serving(Path cert) {
        TestPki pki = TestPki.get();
        return PgServer.shared("tls " + cert, b -> b
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", cert.toString())
                .setServerConfig("ssl_key_file", pki.serverKey.toString()));
    }
}
