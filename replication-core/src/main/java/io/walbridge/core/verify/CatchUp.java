package io.walbridge.core.verify;

import io.walbridge.core.change.Lsn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until the destination holds everything the source had committed at a given position: a
 * pipeline's checkpoint in the destination, or its slot's confirmed position on the source, reached it.
 */
final class CatchUp {

    private final Connection source;
    private final Connection target;
    private final Clock clock;

    CatchUp(Connection source, Connection target, Clock clock) {
        this.source = source;
        this.target = target;
        this.clock = clock;
    }

    Lsn sourceNow() throws SQLException {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    /**
     * True when reached within the timeout; false when no pipeline got there — at once when none is
     * running (a stopped pipeline will not catch up, so the tables are compared as they are).
     */
    boolean await(Lsn position, Duration timeout) throws SQLException, InterruptedException {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            Progress p = progress(position);
            if (p == Progress.REACHED) {
                return true;
            }
            if (p == Progress.STOPPED || clock.millis() >= deadline) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    private enum Progress { REACHED, RUNNING, STOPPED }

    private Progress progress(Lsn position) throws SQLException {
        List<String> pipelines = new ArrayList<>();
        try (Statement s = target.createStatement();
             ResultSet rs = s.executeQuery("SELECT pipeline, lsn::text FROM walbridge.checkpoint")) {
            while (rs.next()) {
                pipelines.add(rs.getString(1));
                if (!Lsn.parse(rs.getString(2)).isBefore(position)) {
                    return Progress.REACHED;
                }
            }
        } catch (SQLException noCheckpointTable) {
            return Progress.STOPPED; // no pipeline ever wrote to this destination
        }
        boolean running = false;
        try (var ps = source.prepareStatement("SELECT confirmed_flush_lsn::text, active FROM pg_replication_slots "
                + "WHERE slot_name = ANY (?) AND confirmed_flush_lsn IS NOT NULL")) {
            ps.setArray(1, source.createArrayOf("text", pipelines.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // an idle source confirms past WAL that carries no change: nothing is missing below it
                    if (!Lsn.parse(rs.getString(1)).isBefore(position)) {
                        return Progress.REACHED;
                    }
                    running |= rs.getBoolean(2);
                }
            }
        }
        return running ? Progress.RUNNING : Progress.STOPPED;
    }
}
