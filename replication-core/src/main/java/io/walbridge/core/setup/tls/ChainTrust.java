package io.walbridge.core.setup.tls;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a CA bundle trusts a server's chain, judged by the same JDK trust manager pgjdbc uses,
 * and, when it does not, which of the usual reasons applies: self-signed, issued by a CA that is not
 * in the file, or a CA of the same name with another key.
 */
final class ChainTrust {

    private ChainTrust() {
    }

    /**
     * The trust problem, if any. Expiry is left out: it is reported on its own, and the JDK's
     * verdict on an expired but correctly signed chain adds nothing to it.
     */
    static Optional<TlsFinding> problem(List<X509Certificate> chain, String authType, CaBundle ca) {
        try {
            ca.trustManager().checkServerTrusted(chain.toArray(new X509Certificate[0]), authType);
            return Optional.empty();
        } catch (CertificateException e) {
            return explain(chain, ca, e);
        }
    }

    private static Optional<TlsFinding> explain(List<X509Certificate> chain, CaBundle ca, CertificateException e) {
        X509Certificate top = chain.get(chain.size() - 1);
        X500Principal issuer = top.getIssuerX500Principal();
        String file = ca.file().getFileName().toString();
        if (ca.certificates().stream().anyMatch(c -> c.equals(top))) {
            return expiredOnly(chain) ? Optional.empty() : Optional.of(other(file, e));
        }
        List<X509Certificate> sameName = ca.certificates().stream()
                .filter(c -> c.getSubjectX500Principal().equals(issuer)).toList();
        if (sameName.stream().anyMatch(c -> signedBy(top, c.getPublicKey()))) {
            return expiredOnly(chain) ? Optional.empty() : Optional.of(other(file, e));
        }
        if (!sameName.isEmpty()) {
            return Optional.of(new TlsFinding(file + " holds a CA named " + name(issuer)
                    + ", but not the one that signed the server's certificate (same name, another key)",
                    "get the current CA certificate from whoever runs the server (it may have been renewed)"
                            + " and pass it with --ca"));
        }
        boolean selfSigned = top.getSubjectX500Principal().equals(issuer) && signedBy(top, top.getPublicKey());
        if (selfSigned && chain.size() == 1) {
            return Optional.of(new TlsFinding("the server's certificate (" + name(issuer) + ") is self-signed and is not in "
                    + file, "give the server a certificate issued by your CA and pass that CA with --ca; or, if you"
                    + " trust this certificate itself, pass a copy of it (the server's ssl_cert_file) with --ca"));
        }
        return Optional.of(new TlsFinding("the server's certificate was issued by " + name(issuer) + ", which is not in "
                + file + " (it holds: " + ca.subjects() + ")",
                "pass the certificate of the CA " + name(issuer) + " with --ca; managed services publish theirs"
                        + " (for example RDS's global-bundle.pem)"));
    }

    private static boolean expiredOnly(List<X509Certificate> chain) {
        return chain.stream().anyMatch(c -> c.getNotAfter().getTime() < System.currentTimeMillis());
    }

    private static TlsFinding other(String file, CertificateException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new TlsFinding("the server's certificate chain does not verify against " + file + ": " + root.getMessage(),
                "check that " + file + " holds the CA that issued the server's certificate and that the CA is still valid");
    }

    static boolean signedBy(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String name(X500Principal principal) {
        return principal.getName();
    }
}
