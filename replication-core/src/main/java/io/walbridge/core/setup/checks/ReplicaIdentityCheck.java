package io.walbridge.core.setup.checks;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stage 10: every table can identify the rows its updates and deletes touch. Without a primary key
 * and with REPLICA IDENTITY DEFAULT (or NOTHING), a published table refuses UPDATE and DELETE on the
 * source, and the destination could not find the old row anyway.
 */
public final class ReplicaIdentityCheck implements Check {

    private static final int LISTED = 20;

    @Override
    public Stage stage() {
        return Stage.REPLICA_IDENTITY;
    }

    @Override
    public CheckResult run(CheckContext context) throws SQLException {
        Connection c = context.session();
        TableScope scope = new TableScope(context.target().tables());
        // leaf tables only: a partition's replica identity is its own, not its parent's
        String sql = "SELECT n.nspname, c.relname, c.relreplident::text,"
                + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'r' AND" + scope.where() + " ORDER BY 1, 2";
        int total = 0;
        List<String> lines = new ArrayList<>();
        List<TableId> keyless = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            scope.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total++;
                    TableId table = new TableId(rs.getString(1), rs.getString(2));
                    String identity = rs.getString(3);
                    boolean primaryKey = rs.getBoolean(4);
                    if ("n".equals(identity)) {
                        keyless.add(table);
                        lines.add(table + ": REPLICA IDENTITY NOTHING");
                    } else if ("d".equals(identity) && !primaryKey) {
                        keyless.add(table);
                        lines.add(table + ": no primary key, REPLICA IDENTITY DEFAULT");
                    }
                }
            }
        }
        if (total == 0) {
            return CheckResult.passed(stage(), "no user tables yet");
        }
        if (keyless.isEmpty()) {
            return CheckResult.passed(stage(), total + " table(s) checked; each has a primary key or a replica identity");
        }
        String listed = lines.stream().limit(LISTED).collect(Collectors.joining("\n"))
                + (lines.size() > LISTED ? "\n... and " + (lines.size() - LISTED) + " more" : "");
        String fix = keyless.stream().limit(LISTED).map(t -> "ALTER TABLE " + t.quoted() + " REPLICA IDENTITY FULL;")
                .collect(Collectors.joining("\n"))
                + "\nor add a primary key (ALTER TABLE ... ADD PRIMARY KEY (...)), which keeps the WAL smaller than FULL";
        return CheckResult.warning(stage(), keyless.size() + " of " + total + " table(s) cannot replicate updates and"
                + " deletes: no primary key and no replica identity", "once published, UPDATE and DELETE on them fail on"
                + " the source (or are lost)\n" + listed, fix);
    }
}
