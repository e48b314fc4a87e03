package io.walbridge.core.setup.tls;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Asks a PostgreSQL server for TLS the way every client does (an SSLRequest before the startup
 * message) and completes the handshake without judging the certificate, so the chain can be examined.
 */
public final class TlsProbe {

    /** SSLRequest: length 8, then the code 1234 in the high 16 bits and 5679 in the low 16 bits. */
    private static final int SSL_REQUEST_CODE = 80877103;

    private TlsProbe() {
    }

    /** Runs the probe over a connected socket, which it then owns and closes. */
    public static TlsHandshake run(Socket socket, String host) throws IOException {
        try (socket) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(SSL_REQUEST_CODE);
            out.flush();
            int answer = new DataInputStream(socket.getInputStream()).read();
            if (answer == 'N') {
                return TlsHandshake.notOffered();
            }
            if (answer == -1) {
                throw new EOFException("the server closed the connection instead of answering the TLS request");
            }
            if (answer != 'S') {
                throw new IOException("the server answered the TLS request with 0x" + Integer.toHexString(answer)
                        + "; it may not be PostgreSQL");
            }
            return handshake(socket, host);
        }
    }

    private static TlsHandshake handshake(Socket socket, String host) throws IOException {
        CapturingTrustManager capture = new CapturingTrustManager();
        SSLSocket ssl;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{capture}, null);
            ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS client", e);
        }
        try (ssl) {
            if (!isIpLiteral(host)) {
                // SNI lets a proxy in front of several servers pick the right certificate
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(java.util.List.of(new SNIHostName(host)));
                ssl.setSSLParameters(params);
            }
            ssl.startHandshake();
            return new TlsHandshake(true, capture.chain(), capture.authType(), ssl.getSession().getProtocol(), "");
        } catch (SSLException | IllegalArgumentException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new TlsHandshake(true, capture.chain(), capture.authType(), "", why);
        }
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
