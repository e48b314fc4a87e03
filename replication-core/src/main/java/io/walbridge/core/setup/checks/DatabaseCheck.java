package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Stage 5: the database named in the URL exists (the login stage saw SQLSTATE 3D000 if not). */
public final class DatabaseCheck implements Check {

    @Override
    public Stage stage() {
        return Stage.DATABASE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        PgEndpoint endpoint = context.target().endpoint();
        if (!context.databaseMissing()) {
            return CheckResult.passed(stage(), "database '" + endpoint.database() + "' exists");
        }
        List<String> existing = existingDatabases(context, endpoint);
        String detail = existing.isEmpty() ? "" : "databases on this server: " + String.join(", ", existing);
        return CheckResult.failed(stage(), "the database '" + endpoint.database() + "' does not exist on this server",
                detail, "check the database name in the URL (the part after host:port/; names are case-sensitive),"
                        + " or create it: CREATE DATABASE " + Sql.ident(endpoint.database()) + ";");
    }

    /** Lists the databases through the {@code postgres} database, when the user may connect there; a hint only. */
    private static List<String> existingDatabases(CheckContext context, PgEndpoint endpoint) {
        List<String> names = new ArrayList<>();
        try (Connection c = context.connections().open(endpoint.withDatabase("postgres"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"
                     + " ORDER BY datname LIMIT 20")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return names;
    }
}
