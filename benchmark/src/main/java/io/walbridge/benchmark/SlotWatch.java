package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Waits until a slot's consumer has confirmed a position: the end point both sides are timed to. */
final class SlotWatch {

    private static final Duration LIMIT = Duration.ofMinutes(60);

    private SlotWatch() {
    }

    /** Polls {@code confirmed_flush_lsn} every 20 ms; {@code alive} is checked too, so a failed consumer ends the wait. */
    static void awaitConfirmed(BenchServer source, String slot, Lsn end, Runnable alive) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (Connection c = source.connect(SourceData.DB); PreparedStatement ps = c.prepareStatement(
                "SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, end.toString());
            ps.setString(2, slot);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("slot " + slot + " is gone");
                    }
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                alive.run();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("slot " + slot + " did not reach " + end + " within " + LIMIT.toMinutes() + " min");
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read slot " + slot + ": " + e.getMessage(), e);
        }
    }
}
