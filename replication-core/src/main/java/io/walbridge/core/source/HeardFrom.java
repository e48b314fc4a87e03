package io.walbridge.core.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a connection last received a byte from its server. pgjdbc consumes the server's keepalives inside the
 * replication stream without telling its caller, so the only way to see that a quiet server is still there is
 * to watch the socket: {@link ListeningSocketFactory} stamps each read here.
 */
public final class HeardFrom implements AutoCloseable {

    // pgjdbc builds its socket factory by class name from a string argument, so sockets find their clock by key
    private static final Map<String, HeardFrom> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger KEYS = new AtomicInteger();

    private final String key;
    private volatile long lastNanos = System.nanoTime();

    private HeardFrom(String key) {
        this.key = key;
    }

    /** A new clock, registered until closed. */
    public static HeardFrom open() {
        HeardFrom h = new HeardFrom("wal-" + KEYS.incrementAndGet());
        OPEN.put(h.key, h);
        return h;
    }

    static HeardFrom byKey(String key) {
        return key == null ? null : OPEN.get(key);
    }

    /** The value for pgjdbc's {@code socketFactoryArg}. */
    public String key() {
        return key;
    }

    void heard() {
        lastNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last byte received. */
    public long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() {
        OPEN.remove(key);
    }
}
