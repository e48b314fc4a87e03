package io.walbridge.app.wizard;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** One certificate of a CA file as the CA step lists it: who it is, who vouches for it, until when, and its fingerprint. */
public record CertificateRow(String subject, String issuer, String validity, String sha256) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public static CertificateRow of(X509Certificate cert) {
        return new CertificateRow(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                DAY.format(cert.getNotBefore().toInstant()) + " to " + DAY.format(cert.getNotAfter().toInstant()),
                fingerprint(cert));
    }

    /** SHA-256 over the DER encoding, as {@code openssl x509 -fingerprint -sha256} prints it, to compare by eye. */
    static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "(cannot be computed: " + e.getMessage() + ")";
        }
    }
}
