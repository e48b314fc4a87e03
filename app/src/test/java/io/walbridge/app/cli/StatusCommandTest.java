package io.walbridge.app.cli;

import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.testing.PgServer;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code walbridge status} end to end on a server of its own (so other tests' slots cannot raise
 * alerts here): captured output and exit codes.
 */
class StatusCommandTest {

    private static PgServer server;
    private static String db;

    @TempDir
    Path stateDir;

    /** The exit code with what went to stdout and stderr. */
    private record Run(int exitCode, List<String> out, String err) {
    }

    @BeforeAll
    static void startServer() {
        server = PgServer.start(b -> { });
        db = server.freshDatabase();
        server.exec(db, "CREATE TABLE filler (id bigint, body text)");
    }

    @AfterAll
    static void stopServer() {
        server.close();
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

    /** The columns of the table line for {@code slot}, split where the table puts two or more spaces. */
    private static List<String> columns(Run run, String slot) {
        return run.out().stream().filter(l -> l.startsWith(slot + " ")).findFirst()
                .map(l -> Arrays.asList(l.split(" {2,}"))).orElseThrow(() -> new AssertionError("no line for " + slot
                        + " in " + run.out()));
    }

    private static String createSlot(String name) {
        server.exec(db, "SELECT pg_create_logical_replication_slot('" + name + "', 'pgoutput')");
        return name;
    }

    private static void dropSlot(String name) {
        server.exec(db, "SELECT pg_drop_replication_slot('" + name + "')");
    }

    @Test
    void slotWithoutConsumerHoldingMoreThanTheLimitIsAnAlertAndExitsThree() {
        String slot = createSlot("debezium_status_" + ProcessHandle.current().pid());
        try {
            server.exec(db, "INSERT INTO filler SELECT g, repeat('x', 100) FROM generate_series(1, 5000) g");

            Run run = run("status", "--source", server.url(db), "--state-dir", stateDir.toString(), "--max-retained", "1kB");

            assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.ALERT).isEqualTo(3);
            assertThat(run.out().get(0)).startsWith("Source " + server.url(db) + ": PostgreSQL 17.")
                    .endsWith(", max_slot_wal_keep_size unlimited");
            assertThat(run.out().get(1)).matches("SLOT +PLUGIN +ENGINE +STATE +RETAINED +LAG +WAL_STATUS +SAFE_WAL_SIZE");
            List<String> line = columns(run, slot);
            assertThat(line).hasSize(8);
            assertThat(line.subList(0, 3)).containsExactly(slot, "pgoutput", "Debezium");
            assertThat(line.get(3)).matches("inactive since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(\\d+ s\\)");
            assertThat(line.get(4)).matches("\\d+(\\.\\d)? (kB|MB)");
            assertThat(line.get(5)).matches("\\d+(\\.\\d)? (kB|MB)");
            assertThat(line.subList(6, 8)).containsExactly("reserved", "unlimited");

            int alerts = run.out().indexOf("1 alert:");
            assertThat(alerts).isPositive();
            assertThat(run.out().get(alerts + 1)).isEqualTo("WARNING   slot '" + slot + "' (Debezium) holds " + line.get(4)
                    + " of WAL, more than the alert limit of 1.0 kB");
            assertThat(run.out().get(alerts + 2)).startsWith("          fix: start its consumer again so it catches up;")
                    .endsWith(" — in database '" + db + "': SELECT pg_drop_replication_slot('" + slot + "');");
            assertThat(run.err()).isEmpty();
        } finally {
            dropSlot(slot);
        }
    }

    @Test
    void healthySourceExitsZeroAndRemembersInactiveSinceAcrossRuns() throws Exception {
        String slot = createSlot("walbridge_status_" + ProcessHandle.current().pid());
        try {
            Run first = run("status", "--source", server.url(db), "--state-dir", stateDir.toString());
            Run second = run("status", "--source", server.url(db), "--state-dir", stateDir.toString());

            assertThat(first.exitCode()).isZero();
            assertThat(first.out()).last().isEqualTo("no alerts");
            assertThat(columns(first, slot).get(2)).isEqualTo("WalBridge");
            String since = columns(first, slot).get(3).replaceAll(" \\(.*", "");
            assertThat(columns(second, slot).get(3)).startsWith(since);
            assertThat(Files.list(stateDir)).extracting(p -> p.getFileName().toString())
                    .containsExactly("inactive-slots-localhost-" + server.port() + ".json");
        } finally {
            dropSlot(slot);
        }
    }

    @Test
    void slotsHandedToOtherEnginesShowTheirEngineAndGetTheSameAlerts(@TempDir Path config) throws Exception {
        String idle = createSlot("walbridge_handoff_" + ProcessHandle.current().pid());
        String read = createSlot("walbridge_dbz_" + ProcessHandle.current().pid());
        server.exec(db, "CREATE PUBLICATION handoff_pub FOR TABLE filler");
        SavedEndpoint source = new SavedEndpoint("localhost", server.port(), db, "reader", "verify-full", null);
        new PipelineStore(config).save(new SavedPipeline("to-datastream", source, "handoff_pub", idle,
                List.of("public.filler"), "postgresql", null, null, "datastream", null, null));
        try (Connection c = DriverManager.getConnection(server.endpoint(db).jdbcUrl(), debeziumLike());
             PGReplicationStream stream = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                     .withSlotName(read).withSlotOption("proto_version", "1")
                     .withSlotOption("publication_names", "handoff_pub").start()) {
            server.exec(db, "INSERT INTO filler SELECT g, repeat('x', 100) FROM generate_series(1, 5000) g");

            Run run = run("status", "--source", server.url(db), "--state-dir", stateDir.toString(),
                    "--config-dir", config.toString(), "--max-retained", "1kB");

            assertThat(columns(run, idle).subList(0, 3)).as("idle, named by the saved hand-off")
                    .containsExactly(idle, "pgoutput", "Google Datastream");
            assertThat(columns(run, read).subList(0, 3)).as("read by a consumer calling itself Debezium")
                    .containsExactly(read, "pgoutput", "Debezium");
            assertThat(columns(run, read).get(3)).startsWith("active pid ").contains("'Debezium Streaming'");
            assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.ALERT);
            assertThat(run.out()).anySatisfy(l -> assertThat(l).startsWith("WARNING   slot '" + idle
                    + "' (Google Datastream) holds ").contains("more than the alert limit of 1.0 kB"));
            assertThat(run.out()).anySatisfy(l -> assertThat(l).startsWith("WARNING   slot '" + read + "' (Debezium) holds "));
        } finally {
            dropSlot(idle);
            dropSlot(read);
            server.exec(db, "DROP PUBLICATION handoff_pub");
        }
    }

    /** A replication connection that names itself as Debezium's does. */
    private static Properties debeziumLike() {
        Properties p = new Properties();
        PGProperty.USER.set(p, "postgres");
        PGProperty.REPLICATION.set(p, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        PGProperty.APPLICATION_NAME.set(p, "Debezium Streaming");
        return p;
    }

    @Test
    void unreachableSourceIsOneLineWithFixAndNeverThePassword() {
        Run run = run("status", "--source", "postgresql://postgres:Top-Secret-9@localhost:1/shop?sslmode=disable&connect_timeout=2",
                "--state-dir", stateDir.toString());

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.FAILED);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).startsWith("error: could not read the replication slots of postgresql://postgres@localhost:1/shop")
                .contains("\nfix: run 'walbridge check --source URL' to diagnose the connection")
                .doesNotContain("Top-Secret-9").doesNotContain("\tat ");
        assertThat(String.join("\n", run.out())).doesNotContain("Top-Secret-9");
    }

    @Test
    void unreadableThresholdIsAUsageError() {
        Run run = run("status", "--source", server.url(db), "--max-retained", "10 parsecs");

        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.USAGE);
        assertThat(run.err()).contains("--max-retained").contains("unknown size unit 'parsecs'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Run run = run("status", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes: 0 no alert, 3 at least one alert, 1 failure, 2 usage error.");
        assertThat(run.err()).doesNotContain("WARN");
    }
}
