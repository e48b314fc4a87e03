package io.walbridge.core.setup.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server certificate and remembers the chain. The probe must finish the handshake even
 * when the chain would not verify, so that the check can say why (self-signed, other CA, expired,
 * other host name) instead of only "handshake failed". It is used for nothing but that probe.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    private volatile List<X509Certificate> chain = List.of();
    private volatile String authType = "UNKNOWN";

    List<X509Certificate> chain() {
        return chain;
    }

    String authType() {
        return authType;
    }

    private void capture(X509Certificate[] presented, String type) {
        chain = presented == null ? List.of() : List.of(presented);
        authType = type == null ? "UNKNOWN" : type;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type) {
        capture(presented, type);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type, Socket socket) {
        capture(presented, type);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String type, SSLEngine engine) {
        capture(presented, type);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type) throws CertificateException {
        // only ever used by a client socket: no client certificate is ever trusted here
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type, Socket socket) throws CertificateException {
        // only ever used by a client socket: no client certificate is ever trusted here
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String type, SSLEngine engine) throws CertificateException {
        // only ever used by a client socket: no client certificate is ever trusted here
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
