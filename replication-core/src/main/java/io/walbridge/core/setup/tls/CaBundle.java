package io.walbridge.core.setup.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CA certificates a user trusts for a server, from a PEM file (one certificate or a bundle such as
 * RDS's global-bundle.pem) or a DER file. Every certificate in it is trusted, as libpq and pgjdbc do.
 */
public record CaBundle(Path file, List<X509Certificate> certificates) {

    private static final Pattern PEM_CERT =
            Pattern.compile("-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", Pattern.DOTALL);

    public CaBundle {
        certificates = List.copyOf(certificates);
    }

    public static CaBundle load(Path file) {
        byte[] bytes = read(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            Matcher m = PEM_CERT.matcher(text);
            while (m.find()) {
                // parse block by block: bundles often carry comment lines between certificates
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                        m.group().getBytes(StandardCharsets.US_ASCII))));
            }
            if (certs.isEmpty() && !text.contains("-----BEGIN")) {
                factory.generateCertificates(new ByteArrayInputStream(bytes))
                        .forEach(c -> certs.add((X509Certificate) c));
            }
            if (certs.isEmpty()) {
                throw noCertificate(file, text);
            }
            return new CaBundle(file, certs);
        } catch (CertificateException e) {
            throw new InvalidCaFile("the CA file " + file + " is not a certificate file (PEM or DER): " + e.getMessage(),
                    "pass the CA certificate in PEM form (a text file starting with -----BEGIN CERTIFICATE-----)");
        }
    }

    private static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidCaFile("the CA file " + file + " is a directory", "pass the path of the CA certificate file itself");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidCaFile("the CA file " + file + " does not exist", "check the path given with --ca or sslrootcert");
        } catch (AccessDeniedException e) {
            throw new InvalidCaFile("the CA file " + file + " cannot be read: permission denied",
                    "make the file readable for this user (chmod a+r " + file + ")");
        } catch (IOException e) {
            throw new InvalidCaFile("the CA file " + file + " cannot be read: " + e.getMessage(), "check the file and its path");
        }
    }

    private static InvalidCaFile noCertificate(Path file, String text) {
        if (text.contains("PRIVATE KEY")) {
            return new InvalidCaFile("the CA file " + file + " holds a private key, not a CA certificate",
                    "pass the certificate of the CA that signed the server's certificate (never a key)");
        }
        return new InvalidCaFile("the CA file " + file + " holds no certificate",
                "pass the CA certificate in PEM form (a text file starting with -----BEGIN CERTIFICATE-----)");
    }

    /** A trust manager that trusts exactly these certificates, as pgjdbc builds from {@code sslrootcert}. */
    public X509TrustManager trustManager() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store in memory", e);
        }
    }

    /** The certificates' subjects, for messages: {@code CN=Root A; CN=Root B}. */
    public String subjects() {
        return certificates.stream().map(c -> c.getSubjectX500Principal().getName())
                .collect(Collectors.joining("; "));
    }
}
