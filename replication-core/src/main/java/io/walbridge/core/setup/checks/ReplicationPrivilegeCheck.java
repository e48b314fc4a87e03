package io.walbridge.core.setup.checks;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.ProviderHints;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 9: the user may open a replication stream (REPLICATION, superuser, or RDS's rds_replication)
 * and may read the tables, which the initial copy needs.
 */
public final class ReplicationPrivilegeCheck implements Check {

    private static final String ROLE_SQL = "SELECT r.rolsuper, r.rolreplication,"
            + " EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'rds_replication'"
            + " AND pg_has_role(current_user, g.oid, 'MEMBER'))"
            + " FROM pg_roles r WHERE r.rolname = current_user";

    private static final int LISTED = 10;

    @Override
    public Stage stage() {
        return Stage.PRIVILEGES;
    }

    @Override
    public CheckResult run(CheckContext context) throws SQLException {
        Connection c = context.session();
        String user = context.target().endpoint().user();
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (!mayReplicate(c)) {
            problems.add("user '" + user + "' may not replicate: it has neither the REPLICATION attribute nor superuser"
                    + " (nor rds_replication on RDS)");
            fixes.add(ProviderHints.replicationGrant(context.provider(), user));
        }
        TableScope scope = new TableScope(context.target().tables());
        Set<TableId> found = new LinkedHashSet<>();
        List<TableId> unreadable = new ArrayList<>();
        Set<String> schemasWithoutUsage = new LinkedHashSet<>();
        String sql = "SELECT n.nspname, c.relname, has_table_privilege(c.oid, 'SELECT'), has_schema_privilege(n.oid, 'USAGE')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND" + scope.where() + " ORDER BY 1, 2";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            scope.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableId table = new TableId(rs.getString(1), rs.getString(2));
                    found.add(table);
                    if (!rs.getBoolean(3)) {
                        unreadable.add(table);
                    }
                    if (!rs.getBoolean(4)) {
                        schemasWithoutUsage.add(table.schema());
                    }
                }
            }
        }
        List<TableId> missing = scope.chosen().stream().filter(t -> !found.contains(t)).toList();
        if (!missing.isEmpty()) {
            problems.add("table(s) not found: " + names(missing));
            fixes.add("check the names in --tables (schema.table; names are case-sensitive, quote mixed case: \"MyTable\")");
        }
        if (!schemasWithoutUsage.isEmpty()) {
            problems.add("user '" + user + "' may not use schema(s) " + String.join(", ", schemasWithoutUsage));
            schemasWithoutUsage.forEach(s -> fixes.add("GRANT USAGE ON SCHEMA " + Sql.ident(s) + " TO " + Sql.ident(user) + ";"));
        }
        if (!unreadable.isEmpty()) {
            problems.add("user '" + user + "' may not SELECT from " + unreadable.size() + " table(s): " + names(unreadable));
            fixes.add(grantSelect(unreadable, user));
        }
        if (problems.isEmpty()) {
            return CheckResult.passed(stage(), found.isEmpty() ? "user '" + user + "' may replicate (no user tables yet)"
                    : "user '" + user + "' may replicate and read all " + found.size() + " table(s)");
        }
        String others = problems.stream().skip(1).collect(Collectors.joining("\n"));
        return CheckResult.failed(stage(), problems.get(0), others, String.join("\n", fixes));
    }

    private static boolean mayReplicate(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ROLE_SQL)) {
            return rs.next() && (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3));
        }
    }

    private static String grantSelect(List<TableId> tables, String user) {
        if (tables.size() <= LISTED) {
            return "GRANT SELECT ON " + tables.stream().map(TableId::quoted).collect(Collectors.joining(", "))
                    + " TO " + Sql.ident(user) + ";";
        }
        return tables.stream().map(TableId::schema).distinct()
                .map(s -> "GRANT SELECT ON ALL TABLES IN SCHEMA " + Sql.ident(s) + " TO " + Sql.ident(user) + ";")
                .collect(Collectors.joining("\n"));
    }

    private static String names(List<TableId> tables) {
        String shown = tables.stream().limit(LISTED).map(TableId::toString).collect(Collectors.joining(", "));
        return tables.size() > LISTED ? shown + " and " + (tables.size() - LISTED) + " more" : shown;
    }
}
