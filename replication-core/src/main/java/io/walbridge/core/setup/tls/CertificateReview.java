package io.walbridge.core.setup.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server certificate examined the way a {@code verify-full} client would: validity dates, the chain
 * against the chosen CA, and the host name, each problem in words with its fix.
 */
public final class CertificateReview {

    /** A certificate closer than this to its expiry date is worth a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final X509Certificate leaf;
    private final CertificateNames names;
    private final Instant now;
    private final List<TlsFinding> findings = new ArrayList<>();

    private CertificateReview(X509Certificate leaf, Instant now) {
        this.leaf = leaf;
        this.names = CertificateNames.of(leaf);
        this.now = now;
    }

    /**
     * Reviews a chain (server certificate first). The CA may be absent when the mode does not verify;
     * the host name is judged only when {@code checkHost} is set (sslmode=verify-full).
     */
    public static CertificateReview of(List<X509Certificate> chain, String authType, Optional<CaBundle> ca,
                                       String host, boolean checkHost, Instant now) {
        CertificateReview review = new CertificateReview(chain.get(0), now);
        review.checkDates();
        ca.flatMap(bundle -> ChainTrust.problem(chain, authType, bundle)).ifPresent(review.findings::add);
        if (checkHost && !review.names.matches(host)) {
            review.findings.add(new TlsFinding("the server's certificate is for " + review.names.describe()
                    + ", which does not include '" + host + "'",
                    "connect with a host name the certificate holds, or have the certificate reissued with '" + host
                            + "' in its subjectAltName"));
        }
        return review;
    }

    private void checkDates() {
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            findings.add(new TlsFinding("the server's certificate expired on " + day(leaf.getNotAfter().toInstant())
                    + " (" + Duration.between(leaf.getNotAfter().toInstant(), now).toDays() + " days ago)",
                    "renew the server's certificate (the file in ssl_cert_file), then reload PostgreSQL"
                            + " (SELECT pg_reload_conf();); on a managed service rotate the server certificate"));
        } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
            findings.add(new TlsFinding("the server's certificate is not valid before " + day(leaf.getNotBefore().toInstant()),
                    "check the clocks of this machine and of the machine that issued the certificate"));
        }
    }

    /** The problems found, the most basic first. */
    public List<TlsFinding> findings() {
        return List.copyOf(findings);
    }

    /** True when the certificate is valid now but expires within {@link #EXPIRY_WARNING}. */
    public boolean expiresSoon() {
        Instant end = leaf.getNotAfter().toInstant();
        return !now.isAfter(end) && Duration.between(now, end).compareTo(EXPIRY_WARNING) <= 0;
    }

    public long daysLeft() {
        return Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
    }

    public String expiryDay() {
        return day(leaf.getNotAfter().toInstant());
    }

    public String issuer() {
        return leaf.getIssuerX500Principal().getName();
    }

    /** The facts a user compares with what they expect: names, issuer, validity. */
    public String describe() {
        return "server certificate names: " + names.describe() + "\nissued by: " + issuer()
                + "\nvalid from " + day(leaf.getNotBefore().toInstant()) + " to " + expiryDay();
    }

    private static String day(Instant instant) {
        return DAY.format(instant);
    }
}
