package io.walbridge.core.monitor;

import io.walbridge.core.change.Lsn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The one statement that reads every slot with its consumer and WAL figures, written once for the
 * server's version: columns a version lacks are selected as NULL rather than queried separately.
 */
final class SlotQuery {

    /** What one run of the statement returned, before WalBridge adds its own tracking. */
    record Result(Lsn currentLsn, long maxSlotWalKeepSize, List<SlotStatus> slots) {
    }

    static final int OLDEST_SUPPORTED = 100_000;

    private final String sql;

    SlotQuery(int serverVersion) {
        this.sql = build(serverVersion);
    }

    static String build(int v) {
        boolean pg13 = v >= 130_000;
        String keepSize = pg13
                ? "(SELECT CASE WHEN setting::bigint < 0 THEN -1 ELSE setting::bigint * pg_size_bytes('1' || unit) END"
                  + " FROM pg_settings WHERE name = 'max_slot_wal_keep_size')"
                : "(-1)::bigint";
        // the current position comes first and the slots are LEFT JOINed, so a server without slots still
        // answers with one row; a standby has no current insert position, so its replay position stands in
        return "SELECT w.lsn::text AS current_lsn, " + keepSize + " AS max_keep_bytes,"
                + " s.slot_name, s.plugin, s.slot_type, s.database, s.active, s.active_pid,"
                + " a.application_name,"
                + " CASE WHEN a.client_port = -1 THEN 'local' ELSE host(a.client_addr) END AS client_addr,"
                + " s.restart_lsn::text AS restart_lsn, s.confirmed_flush_lsn::text AS confirmed_flush_lsn,"
                + " GREATEST(0, pg_wal_lsn_diff(w.lsn, s.restart_lsn))::bigint AS retained_bytes,"
                + " CASE WHEN s.slot_type = 'logical'"
                + " THEN GREATEST(0, pg_wal_lsn_diff(w.lsn, s.confirmed_flush_lsn))::bigint END AS lag_bytes,"
                + (pg13 ? " s.wal_status, s.safe_wal_size," : " NULL::text AS wal_status, NULL::bigint AS safe_wal_size,")
                + " (EXTRACT(EPOCH FROM r.flush_lag) * 1000)::bigint AS flush_lag_ms,"
                + (v >= 170_000 ? " s.inactive_since" : " NULL::timestamptz AS inactive_since")
                + " FROM (SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                + " ELSE pg_current_wal_lsn() END AS lsn) w"
                + " LEFT JOIN pg_replication_slots s ON true"
                // pg_stat_activity also knows backends that read a slot through SQL functions;
                // pg_stat_replication adds the lag the server measured for walsenders
                + " LEFT JOIN pg_stat_activity a ON a.pid = s.active_pid"
                + " LEFT JOIN pg_stat_replication r ON r.pid = s.active_pid"
                + " ORDER BY s.slot_name";
    }

    Result run(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery(sql)) {
                Lsn current = null;
                long keep = -1;
                List<SlotStatus> slots = new ArrayList<>();
                while (rs.next()) {
                    current = lsn(rs.getString("current_lsn"));
                    keep = rs.getLong("max_keep_bytes");
                    if (rs.wasNull()) {
                        keep = -1;
                    }
                    if (rs.getString("slot_name") != null) {
                        slots.add(slot(rs));
                    }
                }
                return new Result(current, keep, slots);
            }
        }
    }

    private static SlotStatus slot(ResultSet rs) throws SQLException {
        Long lagMillis = longOrNull(rs, "flush_lag_ms");
        OffsetDateTime inactive = rs.getObject("inactive_since", OffsetDateTime.class);
        return new SlotStatus(rs.getString("slot_name"), rs.getString("plugin"), rs.getString("slot_type"),
                rs.getString("database"), rs.getBoolean("active"), intOrNull(rs, "active_pid"),
                rs.getString("application_name"), rs.getString("client_addr"),
                lsn(rs.getString("restart_lsn")), lsn(rs.getString("confirmed_flush_lsn")),
                longOrNull(rs, "retained_bytes"), longOrNull(rs, "lag_bytes"),
                rs.getString("wal_status"), longOrNull(rs, "safe_wal_size"),
                lagMillis == null ? null : Duration.ofMillis(lagMillis),
                inactive == null ? null : inactive.toInstant(),
                ConsumerEngine.UNKNOWN, null, null);
    }

    private static Lsn lsn(String text) {
        return text == null ? null : Lsn.parse(text);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
