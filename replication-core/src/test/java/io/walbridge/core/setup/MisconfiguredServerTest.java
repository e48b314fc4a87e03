package io.walbridge.core.setup;

import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.MisconfiguredServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics against a server that is not ready ({@link MisconfiguredServer}). */
class MisconfiguredServerTest {

    private static final PgServer server = MisconfiguredServer.shared();

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
