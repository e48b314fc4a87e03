package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Provider;
import io.walbridge.core.setup.ServerFacts;
import io.walbridge.core.setup.Stage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;

/** Stage 6: the server is PostgreSQL 10 or later (pgoutput's first release), and which provider runs it. */
public final class ServerVersionCheck implements Check {

    static final int MINIMUM = 100000;

    @Override
    public Stage stage() {
        return Stage.VERSION;
    }

    @Override
    public CheckResult run(CheckContext context) throws SQLException {
        Connection c = context.session();
        int number;
        String version;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            number = rs.getInt(1);
            version = rs.getString(2);
        }
        if (number < MINIMUM) {
            return CheckResult.failed(stage(), "PostgreSQL " + version + " is too old: logical replication with pgoutput"
                    + " needs PostgreSQL 10 or later", "", "upgrade the server (a supported major version, 13 or later)");
        }
        Provider provider = facts(c, context.target().endpoint().host()).guessProvider();
        context.recordProvider(provider);
        return CheckResult.passed(stage(), "PostgreSQL " + version + ", " + provider.displayName());
    }

    private static ServerFacts facts(Connection c, String host) throws SQLException {
        String sql = "SELECT ARRAY(SELECT rolname::text FROM pg_roles WHERE rolname IN"
                + " ('rds_superuser', 'rds_replication', 'cloudsqlsuperuser', 'azure_pg_admin')),"
                + " ARRAY(SELECT name FROM pg_settings WHERE name LIKE 'rds.%' OR name LIKE 'cloudsql.%'"
                + " OR name LIKE 'azure.%'),"
                + " to_regproc('aurora_version') IS NOT NULL";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new ServerFacts(host, strings(rs, 1), strings(rs, 2), rs.getBoolean(3));
        }
    }

    private static Set<String> strings(ResultSet rs, int column) throws SQLException {
        return Set.copyOf(Arrays.asList((String[]) rs.getArray(column).getArray()));
    }
}
