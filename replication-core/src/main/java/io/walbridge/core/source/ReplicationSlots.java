package io.walbridge.core.source;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.snapshot.ExportedSnapshot;
import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** Looks up and creates logical replication slots on the source. */
public final class ReplicationSlots {

    private final PgEndpoint source;

    public ReplicationSlots(PgEndpoint source) {
        this.source = source;
    }

    /** The slot's output plugin, or empty when no slot has that name. */
    public Optional<String> plugin(String slot) {
        try (Connection c = source.connect();
             PreparedStatement ps = c.prepareStatement("SELECT plugin FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "look up replication slot \"" + slot + "\"");
            }
            throw new UserFacingException("could not read the source's replication slots: " + e.getMessage(),
                    "run 'walbridge check --source URL' to diagnose the connection", e);
        }
    }

    /** Drops an inactive slot if it exists. */
    public void drop(String slot) {
        try (Connection c = source.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot);
            ps.execute();
        } catch (SQLException e) {
            throw new UserFacingException("could not drop replication slot \"" + slot + "\": " + e.getMessage(),
                    "drop it by hand: SELECT pg_drop_replication_slot('" + slot + "');", e);
        }
    }

    /**
     * Creates a pgoutput slot and keeps the snapshot it exported alive until the returned handle is
     * closed: that snapshot is exactly the state the slot streams changes after.
     */
    public ExportedSnapshot createExporting(String slot) {
        Properties props = source.replicationProperties();
        Connection c = null;
        try {
            c = DriverManager.getConnection(source.jdbcUrl(), props);
            ReplicationSlotInfo info = c.unwrap(PGConnection.class).getReplicationAPI().createReplicationSlot()
                    .logical().withSlotName(slot).withOutputPlugin("pgoutput").make();
            return new ExportedSnapshot(info.getSnapshotName(), c);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the creation error below is what matters
                }
            }
            if (SourceErrors.connectionLost(e)) {
                throw SourceErrors.lost(e, "create replication slot \"" + slot + "\"");
            }
            String msg = e.getMessage() == null ? "" : e.getMessage();
            String fix = msg.contains("wal_level") ? "set wal_level = logical on the source and restart it"
                    : msg.contains("replication slots") ? "free a slot or raise max_replication_slots on the source"
                    : "42501".equals(e.getSQLState()) || msg.contains("permission denied")
                    ? "as a superuser run ALTER ROLE " + io.walbridge.core.sql.Sql.ident(source.user())
                            + " WITH REPLICATION; (on RDS: GRANT rds_replication TO " + io.walbridge.core.sql.Sql.ident(source.user()) + ";)"
                    : "run 'walbridge check --source URL' to see what the source is missing";
            throw new UserFacingException("could not create replication slot \"" + slot + "\": " + msg, fix, e);
        }
    }
}
