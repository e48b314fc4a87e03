package io.walbridge.app.cli;

import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code walbridge check} end to end: real server, captured output, exit codes. */
class CheckCommandTest {

    private final PgServer server = PgServer.shared("source");

    /** The exit code with what went to stdout and stderr. */
    private record Run(int exitCode, List<String> out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = WalBridgeCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void readySourcePrintsOneLinePerStageAndExitsZero() {
        String db = server.freshDatabase();
        server.exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY)", "CREATE TABLE events (body text)");

        Run run = run("check", "--source", server.url(db));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().get(0)).isEqualTo("Checking " + server.url(db));
        assertThat(run.out()).filteredOn(l -> l.matches("(PASS|WARN|FAIL|SKIP)  .*")).extracting(l -> l.substring(0, 24).trim())
                .containsExactly("PASS  dns", "PASS  tcp", "WARN  tls", "PASS  auth", "PASS  database", "PASS  version",
                        "PASS  wal_level", "PASS  slots", "PASS  privileges", "WARN  replica_identity");
        assertThat(run.out()).contains("      cause: passwords and data cross the network unencrypted, and the server is"
                + " not authenticated");
        assertThat(run.out()).anyMatch(l -> l.equals("      fix:   ALTER TABLE \"public\".\"events\" REPLICA IDENTITY FULL;"));
        assertThat(run.out().get(run.out().size() - 1)).isEqualTo("ready: the source can be replicated (2 warnings above)");
    }

    @Test
    void unreadySourceExitsOneAndSkipsWhatItCannotCheck() {
        Run run = run("check", "--source", "postgresql://postgres@localhost:" + server.port() + "/no_such_db?sslmode=disable");

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.FAILED);
        assertThat(run.out()).anyMatch(l -> l.startsWith("FAIL  database") && l.contains("'no_such_db' does not exist"));
        assertThat(run.out()).anyMatch(l -> l.startsWith("SKIP  wal_level") && l.contains("the database stage failed"));
        assertThat(run.out().get(run.out().size() - 1)).isEqualTo("not ready: 1 stage failed; fix it and run the check again");
    }

    @Test
    void passwordInTheUrlIsNeverPrinted() {
        Run run = run("check", "--source", "postgresql://postgres:Top-Secret-9@localhost:" + server.port()
                + "/postgres?sslmode=disable");

        assertThat(String.join("\n", run.out()) + run.err()).doesNotContain("Top-Secret-9");
    }

    @Test
    void missingSourceIsAUsageError() {
        Run run = run("check");

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.USAGE);
        assertThat(run.err()).contains("--source");
    }

    @Test
    void unreadableCaFileIsAUsageErrorWithAClearMessage() {
        Run run = run("check", "--source", server.url("postgres"), "--ca", "/nonexistent/ca.pem");

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.USAGE);
        assertThat(run.err()).contains("the CA file /nonexistent/ca.pem does not exist").contains("fix: check the path");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void malformedUrlIsAUsageError() {
        Run run = run("check", "--source", "mysql://x@y/z");

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.USAGE);
        assertThat(run.err()).contains("must start with postgresql://");
    }

    @Test
    void tableListKeepsQuotedNamesWhole() {
        assertThat(CheckCommand.parseTables("public.orders, sales.\"Line,Items\""))
                .extracting(Object::toString).containsExactly("public.orders", "sales.Line,Items");
    }
}
