package io.walbridge.core.setup.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a server certificate holds (subjectAltName DNS and IP entries, and the subject's CN), and
 * whether a host name matches them by pgjdbc's rules: DNS names when there are any, else the CN;
 * a wildcard covers one leftmost label only.
 */
public record CertificateNames(List<String> dns, List<String> ips, List<String> commonNames) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    public CertificateNames {
        dns = List.copyOf(dns);
        ips = List.copyOf(ips);
        commonNames = List.copyOf(commonNames);
    }

    public static CertificateNames of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            sans = null;
        }
        if (sans != null) {
            for (List<?> san : sans) {
                if (san.size() == 2 && san.get(0) instanceof Integer type && san.get(1) instanceof String value) {
                    if (type == SAN_DNS) {
                        dns.add(value);
                    } else if (type == SAN_IP) {
                        ips.add(value);
                    }
                }
            }
        }
        return new CertificateNames(dns, ips, commonNames(cert));
    }

    private static List<String> commonNames(X509Certificate cert) {
        List<String> cns = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cns.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return List.of();
        }
        return cns;
    }

    public boolean matches(String host) {
        if (TlsProbe.isIpLiteral(host)) {
            return ips.stream().anyMatch(ip -> sameAddress(ip, host)) || (dns.isEmpty() && commonNames.contains(host));
        }
        if (!dns.isEmpty()) {
            return dns.stream().anyMatch(pattern -> hostMatches(host, pattern));
        }
        return commonNames.stream().anyMatch(cn -> hostMatches(host, cn));
    }

    static boolean hostMatches(String host, String pattern) {
        String h = host.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.startsWith("*.")) {
            return h.equals(p);
        }
        String suffix = p.substring(1);
        return h.endsWith(suffix) && h.length() > suffix.length() && h.indexOf('.') == h.length() - suffix.length();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // both are literals, so no DNS lookup happens; compares 0:0:0:0:0:0:0:1 and ::1 as equal
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** For messages: {@code DNS:db.example.com, IP:10.0.0.5, CN=db.example.com}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        dns.forEach(d -> parts.add("DNS:" + d));
        ips.forEach(i -> parts.add("IP:" + i));
        commonNames.forEach(c -> parts.add("CN=" + c));
        return parts.isEmpty() ? "(no names)" : String.join(", ", parts);
    }
}
