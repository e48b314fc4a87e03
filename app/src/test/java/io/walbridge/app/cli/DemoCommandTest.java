package io.walbridge.app.cli;

import io.walbridge.app.demo.DemoDatabases;
import io.walbridge.app.demo.DemoFolder;
import io.walbridge.app.demo.DemoRole;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.Secret;
import io.walbridge.core.source.PgEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code walbridge demo} as users run it, in its own JVM with its settings and data in this test's folder: the
 * demo replicates the generator's changes, proves the copy equal at {@code --until}, and leaves no server running
 * after {@code --until}, Ctrl-C, or a kill (the next start stops what a killed demo left behind).
 */
class DemoCommandTest {

    /** Shared by the tests: the first start makes the demo's data, the others reuse it, as a user's second start does. */
    @TempDir
    static Path home;

    @Test
    void replicatesTheGeneratorsChangesAndStopsBothServersWhenTimeIsUp() throws Exception {
        ChildProcess demo = start("--scale", "0.02", "--rate", "100", "--until", "15s", "--large-every", "5s",
                "--large-rows", "2000", "--status-every", "2s");
        PgEndpoint destination = awaitEndpoint(demo, "destination");
        List<Long> pids = serverPids();
        assertThat(pids).allMatch(DemoCommandTest::isAlive);

        // rows the generator made now (the sample data is from 2024) arrive on the destination while the demo runs
        awaitTrue(() -> count(destination, "SELECT count(*) FROM shop.events WHERE occurred_at > now() - interval '1 hour'") > 0,
                demo);

        assertThat(demo.process.waitFor(4, TimeUnit.MINUTES)).as("demo ends after --until").isTrue();
        String out = demo.output();
        assertThat(demo.process.exitValue()).as(out).isZero();
        assertThat(out).contains("setup: ", "pipeline streaming", "OK    shop.events", "OK    shop.order_lines",
                "equal: the destination holds exactly the source's rows", "demo: stopped; both servers are down");
        assertThat(out).doesNotContain(password().value());
        assertGone(pids);
    }

    @Test
    void ctrlCStopsThePipelineAndBothServers() throws Exception {
        ChildProcess demo = start("--scale", "0.02", "--rate", "50", "--status-every", "1s");
        awaitEndpoint(demo, "destination");
        List<Long> pids = serverPids();
        awaitTrue(() -> output(demo).contains("pipeline streaming"), demo);

        demo.stop();

        assertThat(demo.output()).contains("demo: stopped; both servers are down");
        assertGone(pids);
    }

    @Test
    void serversLeftRunningByAKilledDemoAreStoppedByTheNextStart() throws Exception {
        ChildProcess demo = start("--scale", "0.02", "--no-generator");
        awaitEndpoint(demo, "destination");
        List<Long> orphans = serverPids();
        demo.killHard();
        // kill -9 runs no shutdown hook: PostgreSQL runs on without its owner
        assertThat(orphans).allMatch(DemoCommandTest::isAlive);

        try (DemoDatabases again = DemoDatabases.start(folder(), secrets())) {
            assertThat(orphans).noneMatch(DemoCommandTest::isAlive);
            assertThat(again.pids()).allMatch(DemoCommandTest::isAlive);
            assertThat(count(again.source(), "SELECT count(*) FROM shop.orders")).isPositive();
        }
    }

    @Test
    void refusesARateOutOfRangeAsAUsageError() {
        CliRun run = CliRun.of("demo", "--rate", "-5");
        assertThat(run.exitCode()).isEqualTo(WalBridgeCommand.USAGE);
        assertThat(run.err()).contains("rate must be 0 to 10000");
    }

    private static ChildProcess start(String... options) throws IOException {
        String[] args = new String[options.length + 1];
        args[0] = "demo";
        System.arraycopy(options, 0, args, 1, options.length);
        // the file store, which this test reads, even on a desktop whose keyring would otherwise be chosen
        return ChildProcess.startWithEnvironment(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "WALBRIDGE_SECRET_STORE", "file"), args);
    }

    private static DemoFolder folder() {
        return new DemoFolder(home.resolve("data").resolve("walbridge").resolve("demo"));
    }

    private static FileSecretStore secrets() {
        return new FileSecretStore(home.resolve("config").resolve("walbridge").resolve("secrets.properties"));
    }

    private static Secret password() {
        return secrets().get(DemoDatabases.PASSWORD_KEY).orElseThrow();
    }

    /** The URL the demo printed for a server, with the password from the secrets file. */
    private static PgEndpoint awaitEndpoint(ChildProcess demo, String role) throws Exception {
        Pattern line = Pattern.compile("^" + role + ":\\s+(postgresql://\\S+)$", Pattern.MULTILINE);
        awaitTrue(() -> line.matcher(output(demo)).find(), demo);
        Matcher m = line.matcher(demo.output());
        assertThat(m.find()).isTrue();
        return PgEndpoint.parse(m.group(1)).withPassword(password());
    }

    private static List<Long> serverPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (DemoRole role : DemoRole.values()) {
            Path pidFile = folder().dataOf(role).resolve("postmaster.pid");
            pids.add(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        }
        return pids;
    }

    private static void assertGone(List<Long> pids) {
        for (long pid : pids) {
            assertThat(isAlive(pid)).as("postgres process %d is gone", pid).isFalse();
        }
        for (DemoRole role : DemoRole.values()) {
            assertThat(folder().dataOf(role).resolve("postmaster.pid")).doesNotExist();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long count(PgEndpoint endpoint, String sql) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // the table may not have been copied yet
        }
    }

    private static String output(ChildProcess p) {
        try {
            return p.output();
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until the condition holds; fails with the demo's output if it never does or the demo ends first. */
    private static void awaitTrue(BooleanSupplier condition, ChildProcess demo) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0 || !demo.process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("condition not met; demo output:\n" + demo.output());
            }
            Thread.sleep(200);
        }
    }
}
