package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.ProviderHints;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.sql.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stage 8: a replication slot and a WAL sender are free for WalBridge. */
public final class ReplicationCapacityCheck implements Check {

    private static final String SQL = "SELECT current_setting('max_replication_slots')::int,"
            + " (SELECT count(*) FROM pg_replication_slots)::int,"
            + " current_setting('max_wal_senders')::int,"
            + " (SELECT count(*) FROM pg_stat_replication)::int,"
            + " ARRAY(SELECT slot_name::text FROM pg_replication_slots WHERE NOT active ORDER BY slot_name)";

    @Override
    public Stage stage() {
        return Stage.CAPACITY;
    }

    @Override
    public CheckResult run(CheckContext context) throws SQLException {
        int maxSlots;
        int usedSlots;
        int maxSenders;
        int activeSenders;
        List<String> inactive;
        try (Statement s = context.session().createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            rs.next();
            maxSlots = rs.getInt(1);
            usedSlots = rs.getInt(2);
            maxSenders = rs.getInt(3);
            activeSenders = rs.getInt(4);
            inactive = Arrays.asList((String[]) rs.getArray(5).getArray());
        }
        int freeSlots = maxSlots - usedSlots;
        int freeSenders = maxSenders - activeSenders;
        String counts = freeSlots + " of " + maxSlots + " replication slots free, " + freeSenders + " of " + maxSenders
                + " WAL senders free";
        if (freeSlots > 0 && freeSenders > 0) {
            return CheckResult.passed(stage(), counts);
        }
        List<String> fixes = new ArrayList<>();
        if (freeSlots <= 0) {
            fixes.add(ProviderHints.raiseSetting(context.provider(), "max_replication_slots", maxSlots + 2));
            inactive.stream().limit(10).forEach(slot -> fixes.add("or drop an unused slot: SELECT pg_drop_replication_slot("
                    + Sql.literal(slot) + ");"));
        }
        if (freeSenders <= 0) {
            fixes.add(ProviderHints.raiseSetting(context.provider(), "max_wal_senders", maxSenders + 2));
        }
        String detail = inactive.isEmpty() ? "" : "inactive slots (they also keep WAL on the server's disk): "
                + String.join(", ", inactive);
        String what = freeSlots <= 0 ? "no replication slot is free" : "no WAL sender is free";
        return CheckResult.failed(stage(), what + " (" + counts + ")", detail, String.join("\n", fixes));
    }
}
