package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Lsn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The destination's record of how far it got, one row per pipeline in {@code walbridge.checkpoint}.
 * It is written in the same transaction as the data it covers, so the two can never disagree.
 */
final class CheckpointTable {

    private final Connection connection;
    private final String pipeline;

    CheckpointTable(Connection connection, String pipeline) {
        this.connection = connection;
        this.pipeline = pipeline;
    }

    void ensureExists() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS walbridge");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS walbridge.checkpoint (
                        pipeline text PRIMARY KEY,
                        lsn pg_lsn NOT NULL,
                        source_commit_time timestamptz,
                        updated_at timestamptz NOT NULL DEFAULT now())""");
        }
    }

    Optional<Lsn> read() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT lsn::text FROM walbridge.checkpoint WHERE pipeline = ?")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Lsn.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    void write(Lsn lsn, Instant sourceCommitTime) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO walbridge.checkpoint (pipeline, lsn, source_commit_time, updated_at)
                VALUES (?, CAST(? AS pg_lsn), ?, now())
                ON CONFLICT (pipeline) DO UPDATE
                SET lsn = EXCLUDED.lsn, source_commit_time = EXCLUDED.source_commit_time, updated_at = now()""")) {
            ps.setString(1, pipeline);
            ps.setString(2, lsn.toString());
            ps.setTimestamp(3, sourceCommitTime == null ? null : Timestamp.from(sourceCommitTime));
            ps.executeUpdate();
        }
    }
}
