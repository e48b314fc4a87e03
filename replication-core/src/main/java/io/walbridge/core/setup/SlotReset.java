package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds an existing replication slot and drops it so that setup can create it afresh. Dropping is only ever
 * done after the user confirmed it: the changes the slot still holds for its reader are gone with it.
 */
public final class SlotReset {

    private static final String OBJECT_IN_USE = "55006";

    private SlotReset() {
    }

    /** Whether a slot of that name exists on the server, of any kind and in any database. */
    public static boolean exists(Connection c, SlotName slot) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, slot.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "look up slot " + Sql.ident(slot.value()), "").asException(e);
        }
    }

    public static void drop(Connection c, SlotName slot) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            ps.setString(1, slot.value());
            ps.execute();
        } catch (SQLException e) {
            if (OBJECT_IN_USE.equals(e.getSQLState())) {
                throw new UserFacingException("slot " + Sql.ident(slot.value()) + " is in use by a running reader and"
                        + " cannot be dropped", "stop the program reading it (see SELECT active_pid FROM"
                        + " pg_replication_slots WHERE slot_name = " + Sql.literal(slot.value()) + "), then try again", e);
            }
            throw ServerRefusal.explain(e, "drop slot " + Sql.ident(slot.value()), "drop it as a superuser or a user"
                    + " with the REPLICATION attribute").asException(e);
        }
    }
}
