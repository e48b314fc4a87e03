package io.walbridge.core.setup.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/** What the TLS probe saw: whether the server offers TLS, the chain it sent, and the session it agreed. */
public record TlsHandshake(boolean offered, List<X509Certificate> chain, String authType, String protocol,
                           String failure) {

    public TlsHandshake {
        chain = List.copyOf(chain);
    }

    static TlsHandshake notOffered() {
        return new TlsHandshake(false, List.of(), "", "", "");
    }
}
