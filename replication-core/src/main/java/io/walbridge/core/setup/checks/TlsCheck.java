package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.tls.CaBundle;
import io.walbridge.core.setup.tls.CertificateReview;
import io.walbridge.core.setup.tls.InvalidCaFile;
import io.walbridge.core.setup.tls.SslMode;
import io.walbridge.core.setup.tls.TlsFinding;
import io.walbridge.core.setup.tls.TlsHandshake;
import io.walbridge.core.setup.tls.TlsProbe;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stage 3: the server offers TLS when sslmode asks for it, and its certificate verifies against the
 * chosen CA and names the host. Probed directly, so every reason for a failure can be named.
 */
public final class TlsCheck implements Check {

    private static final String USE_VERIFY_FULL =
            "use sslmode=verify-full with the CA that issued the server's certificate (walbridge check --ca FILE)";

    @Override
    public Stage stage() {
        return Stage.TLS;
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        SslMode mode = context.target().sslMode();
        if (mode == SslMode.DISABLE) {
            return CheckResult.warning(stage(), "TLS is turned off (sslmode=disable)",
                    "passwords and data cross the network unencrypted, and the server is not authenticated", USE_VERIFY_FULL);
        }
        Optional<CaBundle> ca;
        try {
            ca = context.target().caFile().map(CaBundle::load);
        } catch (InvalidCaFile e) {
            return CheckResult.failed(stage(), e.problem(), "", e.fix());
        }
        if (mode.verifiesChain() && ca.isEmpty()) {
            return CheckResult.failed(stage(), "sslmode=" + mode.text() + " needs the CA certificate that issued the"
                    + " server's certificate, and none was given", "", "pass it with --ca FILE or add"
                    + " sslrootcert=/path/to/ca.pem to the URL (managed services publish their CA bundle)");
        }
        String host = context.target().endpoint().host();
        TlsHandshake handshake = TlsProbe.run(context.openSocket(context.reachableAddress()), host);
        if (!handshake.offered()) {
            return noTls(mode);
        }
        if (handshake.chain().isEmpty()) {
            return result(mode.requiresTls(), "the TLS handshake with the server failed: " + handshake.failure(), "",
                    "check the server's ssl_* settings and its log; the server and this client may share no TLS version");
        }
        CertificateReview review = CertificateReview.of(handshake.chain(), handshake.authType(),
                mode.verifiesChain() ? ca : Optional.empty(), host, mode.verifiesHostName(), context.clock().instant());
        return mode.verifiesChain() ? verified(mode, review, ca.orElseThrow(), handshake) : unverified(mode, review);
    }

    private CheckResult noTls(SslMode mode) {
        String fix = "turn TLS on at the server (postgresql.conf: ssl = on, ssl_cert_file, ssl_key_file; then reload)";
        if (mode.requiresTls()) {
            return CheckResult.failed(stage(), "the server does not accept TLS connections, and sslmode=" + mode.text()
                    + " requires TLS", "", fix);
        }
        return CheckResult.warning(stage(), "the server does not accept TLS connections: the connection will be unencrypted",
                "sslmode=" + mode.text() + " falls back to plain text", fix);
    }

    private CheckResult verified(SslMode mode, CertificateReview review, CaBundle ca, TlsHandshake handshake) {
        List<TlsFinding> findings = review.findings();
        if (!findings.isEmpty()) {
            String others = findings.stream().skip(1).map(f -> "also: " + f.problem()).collect(Collectors.joining("\n"));
            String detail = review.describe() + (others.isEmpty() ? "" : "\n" + others);
            return CheckResult.failed(stage(), findings.get(0).problem(), detail, findings.get(0).fix());
        }
        if (review.expiresSoon()) {
            return CheckResult.warning(stage(), "the server's certificate expires on " + review.expiryDay() + " (in "
                    + review.daysLeft() + " days)", review.describe(), "renew the server's certificate before then,"
                    + " or clients with sslmode=verify-ca/verify-full will stop connecting");
        }
        String scope = mode.verifiesHostName() ? "certificate verified with " : "certificate chain verified (host name not"
                + " checked: sslmode=verify-ca) with ";
        return CheckResult.passed(stage(), handshake.protocol() + ", " + scope + ca.file().getFileName()
                + "; valid until " + review.expiryDay() + " (" + review.daysLeft() + " days)", review.describe());
    }

    private CheckResult unverified(SslMode mode, CertificateReview review) {
        if (mode == SslMode.ALLOW) {
            return CheckResult.warning(stage(), "sslmode=allow uses TLS only when the server insists on it",
                    "the server offers TLS, but this client will first try without it: data and passwords will"
                            + " probably cross the network unencrypted\n" + review.describe(), USE_VERIFY_FULL);
        }
        String problems = review.findings().stream().map(f -> "also: " + f.problem()).collect(Collectors.joining("\n"));
        return CheckResult.warning(stage(), "TLS is on, but sslmode=" + mode.text() + " does not authenticate the server",
                "the data is encrypted, yet anyone who can intercept the connection can pose as the server\n"
                        + review.describe() + (problems.isEmpty() ? "" : "\n" + problems), USE_VERIFY_FULL);
    }

    private CheckResult result(boolean failure, String summary, String detail, String fix) {
        return failure ? CheckResult.failed(stage(), summary, detail, fix) : CheckResult.warning(stage(), summary, detail, fix);
    }
}
