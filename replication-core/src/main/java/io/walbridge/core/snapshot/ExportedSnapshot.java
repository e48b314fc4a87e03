package io.walbridge.core.snapshot;

/**
 * A snapshot that copy workers import with {@code SET TRANSACTION SNAPSHOT}; it stays valid while
 * the session that exported it stays open, so closing this ends it.
 */
public record ExportedSnapshot(String name, AutoCloseable holder) implements AutoCloseable {

    @Override
    public void close() {
        try {
            holder.close();
        } catch (Exception e) {
            // the exporting session is only being released
        }
    }
}
