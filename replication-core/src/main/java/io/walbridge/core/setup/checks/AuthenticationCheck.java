package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;

import java.sql.SQLException;

/** Stage 4: the server lets the user in, through pgjdbc with the same settings replication will use. */
public final class AuthenticationCheck implements Check {

    /** PostgreSQL checks the database only after authentication, so this answer means the login itself worked. */
    private static final String INVALID_CATALOG_NAME = "3D000";

    @Override
    public Stage stage() {
        return Stage.AUTHENTICATE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        var endpoint = context.target().endpoint();
        try {
            context.recordSession(context.connections().open(endpoint));
            return CheckResult.passed(stage(), "logged in as '" + endpoint.user() + "'");
        } catch (SQLException e) {
            if (INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                context.recordDatabaseMissing();
                return CheckResult.passed(stage(), "the server accepted user '" + endpoint.user() + "'");
            }
            return LoginFailure.explain(e, endpoint);
        }
    }
}
