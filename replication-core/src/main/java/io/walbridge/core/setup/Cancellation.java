package io.walbridge.core.setup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets another thread stop a running diagnosis. Blocking socket and JDBC calls do not notice a
 * thread interrupt, so cancelling also closes whatever the running stage has open.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    public void cancel() {
        cancelled = true;
        for (AutoCloseable resource : open) {
            closeQuietly(resource);
        }
    }

    /** True once {@link #cancel()} was called or the calling thread was interrupted. */
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Closes the resource when the run is cancelled; a resource opened after cancelling is closed at once. */
    public <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        if (cancelled) {
            closeQuietly(resource);
        }
        return resource;
    }

    public void untrack(AutoCloseable resource) {
        open.remove(resource);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the stage using it reports the failure, and the engine turns it into "cancelled"
        }
    }
}
