package io.walbridge.core.setup;

import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that is not ready: {@code wal_level=replica}, passwords required for everyone but the
 * test's own superuser, and every connection from 127.0.0.2 rejected.
 */
class MisconfiguredServerTest {

    // the first matching line wins: the reject line must come before the trust lines
    private static final String HBA = """
            local all all trust
            host all all 127.0.0.2/32 reject
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static PgServer server;

    @BeforeAll
    static void start() throws IOException {
        // hba_file is given at start, so no reload (and no wait for one) is needed
        Path hba = Files.createTempFile("walbridge-hba", ".conf");
        Files.writeString(hba, HBA);
        server = PgServer.start(b -> b.setServerConfig("wal_level", "replica").setServerConfig("hba_file", hba.toString()));
        server.exec("postgres", "CREATE ROLE alice LOGIN PASSWORD 'Right-Pass-123'");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DiagnosticsReport check(String userInfo, String host, String query) {
        PgEndpoint endpoint = PgEndpoint.parse("postgresql://" + userInfo + "@" + host + ":" + server.port()
                + "/postgres?sslmode=disable" + query);
        return new Diagnostics().run(CheckTarget.of(endpoint, null, List.of()), DiagnosticsListener.NONE);
    }

    private static CheckResult result(DiagnosticsReport report, Stage stage) {
        return report.result(stage).orElseThrow();
    }

    @Test
    void wrongPasswordFailsTheLoginAndIsNeverShown() {
        DiagnosticsReport report = check("alice:Wrong-Pass-456", "localhost", "");

        CheckResult auth = result(report, Stage.AUTHENTICATE);
        assertThat(auth.status()).isEqualTo(Status.FAILED);
        assertThat(auth.summary()).isEqualTo("the server rejected the password for user 'alice'");
        assertThat(auth.fix()).contains("ALTER ROLE \"alice\" PASSWORD");
        assertThat(report.results()).allSatisfy(r ->
                assertThat(r.summary() + r.detail() + r.fix()).doesNotContain("Wrong-Pass-456"));
        assertThat(result(report, Stage.DATABASE).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void rightPasswordLogsIn() {
        assertThat(result(check("alice:Right-Pass-123", "localhost", ""), Stage.AUTHENTICATE).status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void pgHbaRejectNamesTheAddressTheServerSaw() {
        DiagnosticsReport report = check("postgres", "127.0.0.1", "&localSocketAddress=127.0.0.2");

        assertThat(result(report, Stage.CONNECT).status()).isEqualTo(Status.PASSED);
        CheckResult auth = result(report, Stage.AUTHENTICATE);
        assertThat(auth.status()).isEqualTo(Status.FAILED);
        assertThat(auth.summary()).isEqualTo(
                "the server's pg_hba.conf rejects connections from 127.0.0.2 (user 'postgres', database 'postgres')");
        assertThat(auth.fix()).contains("allow address 127.0.0.2").contains("127.0.0.2/32").contains("pg_reload_conf");
    }

    @Test
    void walLevelReplicaFailsWithTheAlterSystemFixAndTheOtherSettingsAreStillChecked() {
        DiagnosticsReport report = check("postgres", "localhost", "");

        CheckResult wal = result(report, Stage.WAL_LEVEL);
        assertThat(wal.status()).isEqualTo(Status.FAILED);
        assertThat(wal.summary()).isEqualTo("wal_level is 'replica'; logical replication needs 'logical'");
        assertThat(wal.fix()).contains("ALTER SYSTEM SET wal_level = logical;").contains("restart");
        assertThat(result(report, Stage.CAPACITY).status()).isEqualTo(Status.PASSED);
        assertThat(result(report, Stage.PRIVILEGES).status()).isEqualTo(Status.PASSED);
        assertThat(report.ready()).isFalse();
    }
}
