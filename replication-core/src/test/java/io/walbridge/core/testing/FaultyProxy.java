package io.walbridge.core.testing;

import io.walbridge.core.source.PgEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the engine and a server that a test can turn against it: pass traffic, reset every
 * connection, black-hole them (accept, keep open, forward nothing), or close them politely.
 * <p>
 * Leaving {@link Mode#BLACK_HOLE} resets the stalled connections on both sides, as a network path that comes
 * back without its old flows does (a NAT or firewall that lost its state); new connections then follow the
 * new mode.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What happens to existing and new connections. */
    public enum Mode {
        /** Bytes flow both ways. */
        PASS,
        /** Every connection is reset (RST): existing ones at once, new ones as soon as they are accepted. */
        RESET,
        /** Connections stay open but nothing is forwarded either way; new connections are accepted and held. */
        BLACK_HOLE,
        /** Every connection is closed politely (FIN), existing and new. */
        CLOSE
    }

    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final Map<Mode, Integer> accepted = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    private FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of a server listening on localhost at {@code targetPort}. */
    public static FaultyProxy to(int targetPort) {
        try {
            return new FaultyProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The same endpoint, reached through this proxy. */
    public PgEndpoint endpoint(PgEndpoint direct) {
        return new PgEndpoint("127.0.0.1", port(), direct.database(), direct.user(), direct.password(), direct.params());
    }

    public Mode mode() {
        return mode;
    }

    /** Connections accepted while in the given mode, for tests that check the engine tried again. */
    public int acceptedIn(Mode m) {
        return accepted.getOrDefault(m, 0);
    }

    /** Switches mode; existing connections are treated as the new mode says. */
    public synchronized void mode(Mode next) {
        Mode previous = mode;
        mode = next;
        switch (next) {
            case PASS -> {
                if (previous == Mode.BLACK_HOLE) {
                    resetAll();
                }
            }
            case RESET -> resetAll();
            case CLOSE -> closeAll();
            case BLACK_HOLE -> links.forEach(Link::stall);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Mode m = mode;
            accepted.merge(m, 1, Integer::sum);
            switch (m) {
                case PASS -> connect(client);
                case RESET -> reset(client);
                case CLOSE -> closeQuietly(client);
                case BLACK_HOLE -> held.add(client);
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            Link link = new Link(client, server);
            links.add(link);
            link.start();
        } catch (IOException e) {
            reset(client); // the server is down: the client sees what it would see without the proxy
        }
    }

    private void resetAll() {
        links.forEach(Link::reset);
        links.clear();
        held.forEach(FaultyProxy::reset);
        held.clear();
    }

    private void closeAll() {
        links.forEach(Link::close);
        links.clear();
        held.forEach(FaultyProxy::closeQuietly);
        held.clear();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        resetAll();
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // closing with linger 0 sends RST instead of FIN
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a dead socket fails: nothing to do
        }
    }

    /** One proxied connection: a pump thread per direction. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean stalled;
        private volatile boolean done;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream(), "up");
            pump(server.getInputStream(), client.getOutputStream(), "down");
        }

        private void pump(InputStream in, OutputStream out, String direction) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        awaitUnstalled();
                        if (done) {
                            return;
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    // one side closed: pass the close on, as the network would
                    if (!stalled) {
                        close();
                    }
                } catch (IOException e) {
                    if (!stalled) {
                        reset();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "faulty-proxy-" + direction);
            t.setDaemon(true);
            t.start();
        }

        private synchronized void awaitUnstalled() throws InterruptedException {
            while (stalled && !done) {
                wait();
            }
        }

        synchronized void stall() {
            stalled = true;
        }

        synchronized void reset() {
            done = true;
            notifyAll();
            FaultyProxy.reset(client);
            FaultyProxy.reset(server);
            links.remove(this);
        }

        synchronized void close() {
            done = true;
            notifyAll();
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }
    }
}
