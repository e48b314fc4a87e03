package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.ProviderHints;
import io.walbridge.core.setup.Stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Stage 7: {@code wal_level = logical}, with the way to set it on the provider found in stage 6. */
public final class WalLevelCheck implements Check {

    @Override
    public Stage stage() {
        return Stage.WAL_LEVEL;
    }

    @Override
    public CheckResult run(CheckContext context) throws SQLException {
        String level;
        try (Statement s = context.session().createStatement(); ResultSet rs = s.executeQuery("SHOW wal_level")) {
            rs.next();
            level = rs.getString(1);
        }
        if ("logical".equals(level)) {
            return CheckResult.passed(stage(), "wal_level is logical");
        }
        return CheckResult.failed(stage(), "wal_level is '" + level + "'; logical replication needs 'logical'",
                "the server writes too little to its WAL for changes to be decoded; the setting takes effect only"
                        + " after a restart", ProviderHints.walLevelFix(context.provider()));
    }
}
