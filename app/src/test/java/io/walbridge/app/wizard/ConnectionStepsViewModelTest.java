package io.walbridge.app.wizard;

import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.TestPki;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps 1 to 3 without a screen, against a real embedded PostgreSQL. */
class ConnectionStepsViewModelTest {

    private static final PgServer SERVER = PgServer.shared("source");
    private static String db;

    @TempDir
    Path config;

    @BeforeAll
    static void database() {
        db = SERVER.freshDatabase();
        SERVER.exec(db, "CREATE TABLE orders (id int PRIMARY KEY, note text)");
    }

    private WizardViewModel wizard(String database) {
        PipelineDraft draft = new PipelineDraft();
        draft.source.host.set("localhost");
        draft.source.port.set(String.valueOf(SERVER.port()));
        draft.source.database.set(database);
        draft.source.user.set("postgres");
        draft.source.sslMode.set("disable");
        return new WizardViewModel(draft, TestServices.sameThread(config));
    }

    private static ChecklistRow row(ConnectionTestViewModel test, Stage stage) {
        return test.rows().stream().filter(r -> r.stage() == stage).findFirst().orElseThrow();
    }

    @Test
    void aReadySourceShowsEveryStageInTheChecklistAndUnlocksNext() {
        WizardViewModel w = wizard(db);

        w.source().testConnection();

        ConnectionTestViewModel test = w.source().test();
        assertThat(test.rows()).hasSize(10);
        assertThat(test.rows()).extracting(r -> r.status.get())
                .containsOnly(RowStatus.PASSED, RowStatus.WARNING);
        assertThat(row(test, Stage.TLS).status.get()).isEqualTo(RowStatus.WARNING);
        assertThat(row(test, Stage.TLS).fix.get()).contains("verify-full");
        assertThat(row(test, Stage.AUTHENTICATE).summary.get()).isEqualTo("logged in as 'postgres'");
        assertThat(test.outcome.get()).startsWith("ready");
        assertThat(w.draft().sourceReport.get().ready()).isTrue();
        assertThat(w.canGoNext().get()).isTrue();
    }

    @Test
    void aMissingDatabaseFailsItsRowWithCauseAndFixAndSkipsTheRest() {
        WizardViewModel w = wizard("no_such_db");

        w.source().testConnection();

        ConnectionTestViewModel test = w.source().test();
        ChecklistRow database = row(test, Stage.DATABASE);
        assertThat(database.status.get()).isEqualTo(RowStatus.FAILED);
        assertThat(database.summary.get()).contains("'no_such_db' does not exist");
        assertThat(database.fix.get()).contains("CREATE DATABASE");
        assertThat(row(test, Stage.WAL_LEVEL).status.get()).isEqualTo(RowStatus.SKIPPED);
        assertThat(test.outcome.get()).startsWith("not ready: 1 stage failed");
    }

    @Test
    void fieldsValidateAndBlockNextUntilComplete() {
        WizardViewModel w = wizard(db);
        w.draft().source.port.set("99999");

        assertThat(w.canGoNext().get()).isFalse();
        assertThat(w.blocker().get()).contains("1 to 65535");
        assertThat(EndpointForm.hostProblem("postgresql://x")).contains("only the host name");

        w.draft().source.port.set(String.valueOf(SERVER.port()));
        w.next();
        w.back();

        assertThat(w.index.get()).isZero();
        assertThat(w.draft().source.database.get()).isEqualTo(db);
    }

    @Test
    void networkStepShowsTheAddressTheServerSeesAndWarnsAboutPlainConnections() {
        WizardViewModel w = wizard(db);
        w.source().testConnection();

        w.next();

        NetworkStepViewModel net = w.network();
        assertThat(net.serverSeesAs.get()).matches("(127\\.0\\.0\\.1|::1)  \\(allow .*\\)");
        assertThat(net.interfaces).isNotEmpty();
        assertThat(net.plainTextWarning.get()).contains("accepts connections without TLS").contains("hostssl");
        assertThat(net.datastreamNote()).contains("IP allowlisting").doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void networkStepNamesTheAddressToAllowWhenPgHbaRejected() {
        WizardViewModel w = wizard(db);
        w.draft().sourceReport.set(new io.walbridge.core.setup.DiagnosticsReport(java.util.List.of(
                io.walbridge.core.setup.CheckResult.failed(Stage.AUTHENTICATE,
                        "the server's pg_hba.conf has no line that allows connections from 203.0.113.7 (user 'u',"
                                + " database 'd')", "", "allow address 203.0.113.7: add a line such as ..."))));

        w.network().refresh();

        assertThat(w.network().accessAdvice.get()).contains("203.0.113.7").contains("allow address");
    }

    @Test
    void caStepListsTheCertificatesOfAFileAndExplainsAWrongFile() {
        WizardViewModel w = wizard(db);
        TestPki pki = TestPki.get();

        w.ca().path.set(pki.caPem.toString());
        w.ca().load();

        assertThat(w.ca().certificates).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("CN=WalBridge Test CA,O=WalBridge Tests");
            assertThat(c.issuer()).isEqualTo(c.subject());
            assertThat(c.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(c.validity()).contains(" to ");
        });

        w.ca().path.set(pki.serverKey.toString());
        w.ca().load();

        assertThat(w.ca().certificates).isEmpty();
        assertThat(w.ca().problem.get().problem()).contains("holds a private key, not a CA certificate");
    }

    @Test
    void caStepBlocksNextWhenVerifyFullHasNoCa() {
        WizardViewModel w = wizard(db);
        w.draft().source.sslMode.set("verify-full");
        w.next();
        w.next();

        assertThat(w.ca().blocker().get()).contains("needs the CA certificate");
        assertThat(w.canGoNext().get()).isFalse();
    }
}
