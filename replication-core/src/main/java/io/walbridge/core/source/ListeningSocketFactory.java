package io.walbridge.core.source;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

/**
 * Plain TCP sockets that stamp a {@link HeardFrom} clock whenever bytes arrive. pgjdbc instantiates this by name
 * ({@code socketFactory}) with the clock's key as {@code socketFactoryArg}; TLS is layered on top by pgjdbc and
 * reads through these sockets, so encrypted connections are watched too.
 */
public final class ListeningSocketFactory extends SocketFactory {

    private final HeardFrom clock;

    /** Called by pgjdbc with the connection's properties. */
    public ListeningSocketFactory(Properties info) {
        this.clock = HeardFrom.byKey(info.getProperty("socketFactoryArg"));
    }

    @Override
    public Socket createSocket() {
        return new ListeningSocket(clock);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        s.connect(new java.net.InetSocketAddress(address, port));
        return s;
    }

    private static final class ListeningSocket extends Socket {
        private final HeardFrom clock;

        ListeningSocket(HeardFrom clock) {
            this.clock = clock;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            InputStream in = super.getInputStream();
            return clock == null ? in : new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        clock.heard();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        clock.heard();
                    }
                    return n;
                }
            };
        }
    }
}
