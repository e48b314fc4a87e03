package io.walbridge.core.source;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a reader waits when nothing is pending: a millisecond while data is flowing
 * (a longer nap lets the socket buffer fill and the source's WAL sender stall), 5 ms once the source
 * has been quiet for a while (so an idle pipeline costs no CPU).
 */
public final class ReadPacing {

    private static final long FLOWING_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long SHORT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private boolean received;
    private long lastReceived = System.nanoTime();

    /** Called for each message read (cheap: no clock read here). */
    public void received() {
        received = true;
    }

    /** Waits before the next look at the stream, after a look that found nothing. */
    public void waitForMore() throws InterruptedException {
        long now = System.nanoTime();
        if (received) {
            lastReceived = now;
            received = false;
        }
        if (now - lastReceived < FLOWING_NANOS) {
            LockSupport.parkNanos(SHORT_WAIT_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        } else {
            Thread.sleep(5);
        }
    }
}
