package io.walbridge.core.monitor;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Drops a replication slot that no consumer is using, and refuses one that a consumer holds. */
public final class SlotDropper {

    /** What the slot looked like just before the drop. */
    private record Found(String type, String database, boolean active, Integer pid, String application, long retained) {
    }

    private final PgEndpoint source;
    private final ConnectionFactory connections;

    public SlotDropper(PgEndpoint source, ConnectionFactory connections) {
        this.source = source;
        this.connections = connections;
    }

    public SlotDropper(PgEndpoint source) {
        this(source, ConnectionFactory.PGJDBC);
    }

    /** Drops the inactive slot and returns how much WAL it held (the server may now remove it). */
    public long drop(String slot) {
        Found found = find(slot);
        if (found.active()) {
            throw inUse(slot, found.pid(), found.application());
        }
        // a logical slot can only be dropped from the database it was created in
        PgEndpoint where = "logical".equals(found.type()) && found.database() != null
                ? source.withDatabase(found.database()) : source;
        try (Connection c = connections.open(where);
             PreparedStatement ps = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            ps.setString(1, slot);
            ps.execute();
            return found.retained();
        } catch (SQLException e) {
            // a consumer may have taken the slot between the look-up and the drop
            if ("55006".equals(e.getSQLState())) {
                throw inUse(slot, null, null);
            }
            throw failed(slot, e);
        }
    }

    private Found find(String slot) {
        String sql = "SELECT s.slot_type, s.database, s.active, s.active_pid, a.application_name,"
                + " COALESCE(GREATEST(0, pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                + " ELSE pg_current_wal_lsn() END, s.restart_lsn)), 0)::bigint"
                + " FROM pg_replication_slots s LEFT JOIN pg_stat_activity a ON a.pid = s.active_pid"
                + " WHERE s.slot_name = ?";
        try (Connection c = connections.open(source); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UserFacingException("there is no replication slot named '" + slot + "' on " + source.display(),
                            "list the slots with: walbridge status --source URL");
                }
                int pid = rs.getInt(4);
                Integer activePid = rs.wasNull() ? null : pid;
                return new Found(rs.getString(1), rs.getString(2), rs.getBoolean(3), activePid, rs.getString(5),
                        rs.getLong(6));
            }
        } catch (SQLException e) {
            throw failed(slot, e);
        }
    }

    private static UserFacingException inUse(String slot, Integer pid, String application) {
        String who = pid == null ? "a consumer" : "process " + pid
                + (application == null || application.isBlank() ? "" : " ('" + application + "')");
        return new UserFacingException("slot '" + slot + "' is in use by " + who
                + "; dropping it would cut off that consumer and lose its position",
                "stop the consumer first, then drop the slot" + (pid == null ? "" : "; if the consumer is gone for good"
                        + " but its connection lingers, end it with SELECT pg_terminate_backend(" + pid + ");"));
    }

    private UserFacingException failed(String slot, SQLException e) {
        String why = source.password().scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new UserFacingException("could not drop replication slot '" + slot + "': " + why.lines().findFirst().orElse(why),
                "run 'walbridge check --source URL' to diagnose the connection; dropping a slot needs the"
                        + " REPLICATION attribute or superuser", e);
    }
}
