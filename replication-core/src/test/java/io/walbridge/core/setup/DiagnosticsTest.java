package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole staged check against the shared embedded server, which is ready for logical replication. */
class DiagnosticsTest {

    private static final AtomicInteger ROLES = new AtomicInteger();
    private final PgServer server = PgServer.shared("source");

    private DiagnosticsReport check(String user, String database, List<TableId> tables, DiagnosticsListener listener) {
        PgEndpoint endpoint = PgEndpoint.parse("postgresql://" + user + "@localhost:" + server.port() + "/" + database
                + "?sslmode=disable");
        return new Diagnostics().run(CheckTarget.of(endpoint, null, tables), listener);
    }

    private DiagnosticsReport check(String database) {
        return check("postgres", database, List.of(), DiagnosticsListener.NONE);
    }

    private static CheckResult result(DiagnosticsReport report, Stage stage) {
        return report.result(stage).orElseThrow();
    }

    @Test
    void readySourcePassesEveryStageAndReportsThemInOrderAsTheyFinish() {
        String db = server.freshDatabase();
        server.exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)");
        List<String> events = new ArrayList<>();
        DiagnosticsListener listener = new DiagnosticsListener() {
            @Override
            public void started(Stage stage) {
                events.add("start " + stage.label());
            }

            @Override
            public void finished(CheckResult result) {
                events.add("done " + result.stage().label());
            }
        };

        DiagnosticsReport report = check("postgres", db, List.of(), listener);

        assertThat(report.ready()).isTrue();
        assertThat(report.results()).extracting(CheckResult::stage).containsExactly(Stage.values());
        assertThat(events).hasSize(20).startsWith("start dns", "done dns", "start tcp", "done tcp");
        assertThat(result(report, Stage.TLS).status()).isEqualTo(Status.WARNING);
        assertThat(report.results()).filteredOn(r -> r.stage() != Stage.TLS)
                .extracting(CheckResult::status).containsOnly(Status.PASSED);
        assertThat(result(report, Stage.VERSION).summary()).contains("PostgreSQL 17").contains("self-hosted");
        assertThat(result(report, Stage.CAPACITY).summary()).contains("replication slots free");
    }

    @Test
    void tableWithoutPrimaryKeyIsListedWithTheReplicaIdentityFix() {
        String db = server.freshDatabase();
        server.exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY)", "CREATE TABLE \"Events\" (at timestamptz, body text)",
                "CREATE TABLE audit (x int)", "ALTER TABLE audit REPLICA IDENTITY NOTHING");

        CheckResult identity = result(check(db), Stage.REPLICA_IDENTITY);

        assertThat(identity.status()).isEqualTo(Status.WARNING);
        assertThat(identity.summary()).startsWith("2 of 3 table(s)");
        assertThat(identity.detail()).contains("public.Events: no primary key, REPLICA IDENTITY DEFAULT")
                .contains("public.audit: REPLICA IDENTITY NOTHING").doesNotContain("orders");
        assertThat(identity.fix()).contains("ALTER TABLE \"public\".\"Events\" REPLICA IDENTITY FULL;")
                .contains("ALTER TABLE \"public\".\"audit\" REPLICA IDENTITY FULL;").contains("primary key");
    }

    @Test
    void chosenTablesLimitTheChecksAndMissingOnesAreNamed() {
        String db = server.freshDatabase();
        server.exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY)", "CREATE TABLE events (body text)");

        DiagnosticsReport onlyOrders = check("postgres", db, List.of(TableId.parse("orders")), DiagnosticsListener.NONE);
        DiagnosticsReport withMissing = check("postgres", db, List.of(TableId.parse("orders"), TableId.parse("public.nope")),
                DiagnosticsListener.NONE);

        assertThat(result(onlyOrders, Stage.REPLICA_IDENTITY).status()).isEqualTo(Status.PASSED);
        assertThat(result(withMissing, Stage.PRIVILEGES).status()).isEqualTo(Status.FAILED);
        assertThat(result(withMissing, Stage.PRIVILEGES).summary()).contains("not found: public.nope");
    }

    @Test
    void userWithoutReplicationFailsThePrivilegeStageWithTheGrants() {
        String db = server.freshDatabase();
        String role = "reader_" + ROLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        server.exec(db, "CREATE ROLE " + role + " LOGIN", "CREATE TABLE orders (id bigint PRIMARY KEY)");

        DiagnosticsReport report = check(role, db, List.of(), DiagnosticsListener.NONE);

        CheckResult privileges = result(report, Stage.PRIVILEGES);
        assertThat(privileges.status()).isEqualTo(Status.FAILED);
        assertThat(privileges.summary()).contains("'" + role + "' may not replicate");
        assertThat(privileges.detail()).contains("may not SELECT from 1 table(s): public.orders");
        assertThat(privileges.fix()).contains("ALTER ROLE \"" + role + "\" WITH REPLICATION;")
                .contains("GRANT SELECT ON \"public\".\"orders\" TO \"" + role + "\";");
        assertThat(report.ready()).isFalse();
    }

    @Test
    void unknownUserIsNamed() {
        CheckResult auth = result(check("nobody_by_this_name", "postgres", List.of(), DiagnosticsListener.NONE),
                Stage.AUTHENTICATE);

        assertThat(auth.status()).isEqualTo(Status.FAILED);
        assertThat(auth.summary()).isEqualTo("the user 'nobody_by_this_name' does not exist on this server");
        assertThat(auth.fix()).contains("CREATE ROLE \"nobody_by_this_name\" LOGIN");
    }

    @Test
    void unknownDatabaseFailsAfterASuccessfulLoginAndListsTheDatabases() {
        DiagnosticsReport report = check("no_such_db");

        assertThat(result(report, Stage.AUTHENTICATE).status()).isEqualTo(Status.PASSED);
        CheckResult database = result(report, Stage.DATABASE);
        assertThat(database.status()).isEqualTo(Status.FAILED);
        assertThat(database.summary()).contains("'no_such_db' does not exist");
        // the shared server holds many test databases; the list is capped, so only its form is certain
        assertThat(database.detail()).startsWith("databases on this server: ").contains("db");
        assertThat(database.fix()).contains("CREATE DATABASE \"no_such_db\";");
        assertThat(result(report, Stage.WAL_LEVEL).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void unknownHostFailsNameResolutionAndSkipsTheRest() {
        PgEndpoint endpoint = PgEndpoint.parse("postgresql://postgres@no-such-host.invalid:5432/postgres");

        DiagnosticsReport report = new Diagnostics().run(CheckTarget.of(endpoint, null, List.of()), DiagnosticsListener.NONE);

        CheckResult dns = result(report, Stage.RESOLVE);
        assertThat(dns.status()).isEqualTo(Status.FAILED);
        assertThat(dns.summary()).contains("'no-such-host.invalid' does not resolve");
        assertThat(report.results()).hasSize(Stage.values().length);
        assertThat(report.results().subList(1, report.results().size())).extracting(CheckResult::status)
                .containsOnly(Status.SKIPPED);
        assertThat(result(report, Stage.TLS).summary()).isEqualTo("not checked: the dns stage failed");
    }

    @Test
    void closedPortIsReportedAsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgEndpoint endpoint = PgEndpoint.parse("postgresql://postgres@127.0.0.1:" + port + "/postgres");

        CheckResult tcp = result(new Diagnostics().run(CheckTarget.of(endpoint, null, List.of()), DiagnosticsListener.NONE),
                Stage.CONNECT);

        assertThat(tcp.status()).isEqualTo(Status.FAILED);
        assertThat(tcp.summary()).isEqualTo("connection refused at 127.0.0.1 port " + port + ": nothing listens on that port");
        assertThat(tcp.fix()).contains("listen_addresses");
    }

    @Test
    void cancellingSkipsTheStagesNotYetRun() {
        Cancellation cancellation = new Cancellation();
        PgEndpoint endpoint = server.endpoint("postgres");
        DiagnosticsListener cancelAfterTcp = result -> {
            if (result.stage() == Stage.CONNECT) {
                cancellation.cancel();
            }
        };

        DiagnosticsReport report = new Diagnostics().run(CheckTarget.of(endpoint, null, List.of()), cancelAfterTcp, cancellation);

        assertThat(result(report, Stage.CONNECT).status()).isEqualTo(Status.PASSED);
        assertThat(report.results().subList(2, report.results().size()))
                .allSatisfy(r -> assertThat(r.summary()).isEqualTo("not checked: cancelled"));
        assertThat(report.ready()).isFalse();
    }
}
