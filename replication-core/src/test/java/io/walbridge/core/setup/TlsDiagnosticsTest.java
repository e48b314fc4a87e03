package io.walbridge.core.setup;

import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.TlsServers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The TLS stage against real PostgreSQL servers with certificates from a test CA. */
class TlsDiagnosticsTest {

    private static final TestPki PKI = TestPki.get();

    private static PgServer serving(Path cert) {
        return TlsServers.serving(cert);
    }

    private static DiagnosticsReport check(PgServer server, String query, Path ca) {
        return check(server, query, ca, Clock.systemUTC());
    }

    private static DiagnosticsReport check(PgServer server, String query, Path ca, Clock clock) {
        PgEndpoint endpoint = PgEndpoint.parse("postgresql://postgres@localhost:" + server.port() + "/postgres" + query);
        return new Diagnostics(Diagnostics.standardChecks(), clock, ConnectionFactory.PGJDBC)
                .run(CheckTarget.of(endpoint, ca, List.of()), DiagnosticsListener.NONE);
    }

    private static CheckResult tls(DiagnosticsReport report) {
        return report.result(Stage.TLS).orElseThrow();
    }

    @Test
    void passesWithTheRightCaAndVerifyFull() {
        DiagnosticsReport report = check(serving(PKI.localhostCert), "", PKI.caPem);

        assertThat(tls(report).status()).isEqualTo(Status.PASSED);
        assertThat(tls(report).summary()).contains("certificate verified with ca.pem").contains("valid until");
        assertThat(tls(report).detail()).contains("DNS:localhost, IP:127.0.0.1, CN=localhost");
        assertThat(report.results()).extracting(CheckResult::status).containsOnly(Status.PASSED);
        assertThat(report.ready()).isTrue();
    }

    @Test
    void wrongCaFailsAndNamesTheIssuer() {
        DiagnosticsReport report = check(serving(PKI.localhostCert), "", PKI.otherCaPem);

        assertThat(tls(report).status()).isEqualTo(Status.FAILED);
        assertThat(tls(report).summary())
                .contains("issued by CN=WalBridge Test CA,O=WalBridge Tests")
                .contains("not in other-ca.pem")
                .contains("CN=Some Other CA");
        assertThat(tls(report).fix()).contains("--ca");
        assertThat(report.result(Stage.AUTHENTICATE).orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(report.ready()).isFalse();
    }

    @Test
    void certificateForAnotherHostNameFailsAndListsTheNamesItHolds() {
        DiagnosticsReport report = check(serving(PKI.otherHostCert), "", PKI.caPem);

        assertThat(tls(report).status()).isEqualTo(Status.FAILED);
        assertThat(tls(report).summary()).contains("DNS:db.example.com, CN=db.example.com").contains("'localhost'");
        assertThat(tls(report).fix()).contains("subjectAltName");
    }

    @Test
    void expiredCertificateFails() {
        DiagnosticsReport report = check(serving(PKI.expiredCert), "", PKI.caPem);

        assertThat(tls(report).status()).isEqualTo(Status.FAILED);
        assertThat(tls(report).summary()).contains("the server's certificate expired on");
        assertThat(tls(report).fix()).contains("renew");
        assertThat(report.ready()).isFalse();
    }

    @Test
    void certificateCloseToExpiryIsAWarning() throws Exception {
        X509Certificate cert;
        try (var in = java.nio.file.Files.newInputStream(PKI.localhostCert)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Clock tenDaysBefore = Clock.fixed(cert.getNotAfter().toInstant().minus(Duration.ofDays(10)), ZoneOffset.UTC);

        DiagnosticsReport report = check(serving(PKI.localhostCert), "", PKI.caPem, tenDaysBefore);

        assertThat(tls(report).status()).isEqualTo(Status.WARNING);
        assertThat(tls(report).summary()).contains("expires on").contains("in 10 days");
        assertThat(report.ready()).isTrue();
    }

    @Test
    void sslmodeRequireWarnsThatTheServerIsNotAuthenticated() {
        DiagnosticsReport report = check(serving(PKI.localhostCert), "?sslmode=require", null);

        assertThat(tls(report).status()).isEqualTo(Status.WARNING);
        assertThat(tls(report).summary()).contains("does not authenticate the server");
        assertThat(tls(report).fix()).contains("verify-full");
        assertThat(report.ready()).isTrue();
    }

    @Test
    void verifyFullFailsWhenTheServerOffersNoTls() {
        DiagnosticsReport report = check(PgServer.shared("source"), "", PKI.caPem);

        assertThat(tls(report).status()).isEqualTo(Status.FAILED);
        assertThat(tls(report).summary()).contains("does not accept TLS").contains("verify-full");
        assertThat(tls(report).fix()).contains("ssl = on");
    }

    @Test
    void preferWarnsWhenTheServerOffersNoTls() {
        DiagnosticsReport report = check(PgServer.shared("source"), "?sslmode=prefer", null);

        assertThat(tls(report).status()).isEqualTo(Status.WARNING);
        assertThat(tls(report).summary()).contains("unencrypted");
    }
}
