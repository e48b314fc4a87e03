package io.walbridge.core.source;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.Lsn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Asks the source where its write-ahead log is now. */
public final class SourcePosition {

    private SourcePosition() {
    }

    public static Lsn current(PgEndpoint source) {
        try (Connection c = source.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        } catch (SQLException e) {
            throw new UserFacingException("could not read the source's WAL position: " + e.getMessage(),
                    "run 'walbridge check --source URL' to diagnose the connection", e);
        }
    }
}
