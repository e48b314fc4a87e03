package io.walbridge.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server that is not ready, shared by the tests of one JVM: {@code wal_level=replica}; passwords required for
 * everyone but the test's own superuser; connections from 127.0.0.2 rejected by a reject line, and from
 * 127.0.0.3 matched by no line at all. The login {@link #USER} has the password {@link #PASSWORD}.
 */
public final class MisconfiguredServer {

    public static final String USER = "alice";
    public static final String PASSWORD = "Right-Pass-123";
    /** pg_hba.conf has a reject line for this address. */
    public static final String REJECTED_ADDRESS = "127.0.0.2";
    /** pg_hba.conf has no line for this address. */
    public static final String UNLISTED_ADDRESS = "127.0.0.3";

    // the first matching line wins: the reject line must come before the trust lines
    private static final String HBA = """
            local all all trust
            host all all 127.0.0.2/32 reject
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private MisconfiguredServer() {
    }

    public static synchronized PgServer shared() {
        PgServer server = PgServer.shared("misconfigured", b -> {
            try {
                // hba_file is given at start, so no reload (and no wait for one) is needed
                Path hba = Files.createTempFile("walbridge-hba", ".conf");
                Files.writeString(hba, HBA);
                b.setServerConfig("wal_level", "replica").setServerConfig("hba_file", hba.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if ("0".equals(server.scalar("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = '" + USER + "'"))) {
            server.exec("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
        return server;
    }
}
