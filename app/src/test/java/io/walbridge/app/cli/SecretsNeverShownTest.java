package io.walbridge.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.app.wizard.ChecklistRow;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.app.wizard.WizardViewModel;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.MigratingSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.config.SecretStores;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.MisconfiguredServer;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.StandInKeyring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distinctive passwords go through every command and a whole wizard flow — successes and failures — with every
 * logger at debug (pgjdbc's own included). Afterwards no line on stdout or stderr, no log line, no message shown
 * and no file under the settings folder holds them, except the private (mode 600) secrets file when no keyring is
 * used; with a keyring (a stand-in everywhere, the real one where it runs) not even that file, nor any command line.
 */
class SecretsNeverShownTest {

    private static final String SOURCE_PASSWORD = "Src-Probe-Pw-4f9e%x@y";
    private static final String TARGET_PASSWORD = "Dst-Probe-Pw-81c2";
    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");

    @TempDir
    Path config;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<String> shown = new ArrayList<>();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private Level oldLevel;
    private final java.util.logging.Logger pgjdbc = java.util.logging.Logger.getLogger("org.postgresql");
    private java.util.logging.Level oldPgjdbcLevel;
    private final Handler pgjdbcToCapture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (captured) {
                captured.writeBytes((r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r)
                        + (r.getThrown() == null ? "" : " " + r.getThrown()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        oldOut = System.out;
        oldErr = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        oldLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        oldPgjdbcLevel = pgjdbc.getLevel();
        pgjdbc.setLevel(java.util.logging.Level.ALL);
        pgjdbc.addHandler(pgjdbcToCapture);
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(oldLevel);
        pgjdbc.removeHandler(pgjdbcToCapture);
        pgjdbc.setLevel(oldPgjdbcLevel);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sourceUrl(String db) {
        return "postgresql://postgres:" + enc(SOURCE_PASSWORD) + "@localhost:" + SOURCE.port() + "/" + db + "?sslmode=disable";
    }

    private static String targetUrl(String db) {
        return "postgresql://postgres:" + enc(TARGET_PASSWORD) + "@localhost:" + TARGET.port() + "/" + db + "?sslmode=disable";
    }

    private int cli(String... args) {
        return WalBridgeCommand.execute(args);
    }

    /** Everything printed or logged so far, plus every message the tests collected from view-models. */
    private String everythingShown() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", shown);
        }
    }

    private void assertNoSecretIn(String where, String text) {
        for (String secret : List.of(SOURCE_PASSWORD, TARGET_PASSWORD, enc(SOURCE_PASSWORD), enc(TARGET_PASSWORD))) {
            assertThat(text).as("%s must not hold a password", where).doesNotContain(secret);
        }
    }

    @Test
    void noCommandPrintsOrLogsAPasswordWhetherItWorksOrFails() throws Exception {
        String src = SOURCE.freshDatabase();
        String dst = TARGET.freshDatabase();
        String slot = "wb_secret_" + src;
        SOURCE.exec(src, "CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'v' FROM generate_series(1, 50) g");
        String wrongLogin = "postgresql://" + MisconfiguredServer.USER + ":" + enc(SOURCE_PASSWORD) + "@localhost:"
                + MisconfiguredServer.shared().port() + "/postgres?sslmode=disable";
        try {
            assertThat(cli("check", "--source", sourceUrl(src))).isZero();
            assertThat(cli("setup", "--source", sourceUrl(src), "--publication", "p", "--slot", slot, "--tables", "public.t"))
                    .isZero();
            assertThat(cli("run", "--source", sourceUrl(src), "--target", targetUrl(dst), "--publication", "p",
                    "--slot", slot, "--until-caught-up")).isZero();
            assertThat(cli("verify", "--source", sourceUrl(src), "--target", targetUrl(dst), "--wait", "5s")).isZero();
            assertThat(cli("status", "--source", sourceUrl(src), "--state-dir", config.toString())).isIn(0, 3);
            // failures: a refused password, a port nobody listens on, a malformed URL, a missing publication
            assertThat(cli("check", "--source", wrongLogin)).isEqualTo(1);
            assertThat(cli("setup", "--source", wrongLogin, "--publication", "p", "--slot", "s")).isEqualTo(1);
            assertThat(cli("run", "--source", wrongLogin, "--target", targetUrl(dst), "--publication", "p", "--slot",
                    "s", "--until-caught-up")).isEqualTo(1);
            assertThat(cli("verify", "--source", sourceUrl(src), "--target", wrongLogin)).isEqualTo(1);
            assertThat(cli("run", "--source", sourceUrl(src).replace(":" + SOURCE.port(), ":1"), "--target",
                    targetUrl(dst), "--publication", "p", "--slot", slot, "--until-caught-up")).isEqualTo(1);
            assertThat(cli("run", "--source", "postgres://postgres:" + enc(SOURCE_PASSWORD) + "@/nohost", "--target",
                    targetUrl(dst), "--publication", "p", "--slot", slot)).isEqualTo(1);
            assertThat(cli("run", "--source", sourceUrl(src), "--target", targetUrl(dst), "--publication", "nope",
                    "--slot", slot, "--until-caught-up")).isEqualTo(1);
        } finally {
            SOURCE.exec(src, "SELECT pg_drop_replication_slot('" + slot + "')");
        }
        String all = everythingShown();
        assertThat(all).as("the engine's log and pgjdbc's own most detailed log were captured")
                .contains("INFO").contains("FINEST");
        assertNoSecretIn("stdout, stderr and the logs", all);
    }

    @Test
    void theWizardKeepsPasswordsOnlyInThePrivateSecretsFile() throws Exception {
        String summary = runTheWizard(new FileSecretStore(config.resolve("secrets.properties")));

        assertNoSecretInAnyFileBut(config.resolve("secrets.properties"));
        Path secrets = config.resolve("secrets.properties");
        assertThat(summary).contains("Passwords:    kept apart from the pipeline file, in the file " + secrets
                + ", which only you can read");
        assertThat(Files.readString(secrets)).as("the one place passwords are kept")
                .contains(TARGET_PASSWORD);
        assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** The keychain path on every machine: a stand-in secret-tool (a child process) where no keyring runs. */
    @Test
    void withAKeyringTheWizardKeepsPasswordsInItAndOffEveryCommandLine(@TempDir Path keyringFolder) throws Exception {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        SecretStore store = SecretStores.choose(config, Map.of(), "Linux", keyring.command(), Duration.ofSeconds(20))
                .store();

        String[] keys = new String[2];
        String summary = runTheWizard(store, keys);

        assertThat(summary).contains("Passwords:    kept apart from the pipeline file, in the desktop keyring");
        assertNoSecretInAnyFileBut(null);
        assertThat(keyring.keys()).containsExactlyInAnyOrder(keys);
        assertThat(keyring.item(keys[0])).contains(SOURCE_PASSWORD);
        assertThat(keyring.item(keys[1])).contains(TARGET_PASSWORD);
        assertNoSecretIn("the keyring tool's command lines", keyring.commandLines());
    }

    /** The same against a REAL Secret Service, where one is usable (see SecretServiceLiveTest); skipped elsewhere. */
    @Test
    void withTheRealKeyringTheWizardKeepsPasswordsInIt() throws Exception {
        SecretStores.Choice choice = SecretStores.choose(config, Map.of(), System.getProperty("os.name"),
                List.of("secret-tool"), Duration.ofSeconds(15));
        Assumptions.assumeTrue(choice.store() instanceof MigratingSecretStore, choice::reason);
        SecretStore store = choice.store();
        String[] keys = new String[2];
        try {
            String summary = runTheWizard(store, keys);

            assertThat(summary).contains("in the desktop keyring (Secret Service)");
            assertNoSecretInAnyFileBut(null);
            assertThat(store.get(keys[0])).contains(new Secret(SOURCE_PASSWORD));
            assertThat(store.get(keys[1])).contains(new Secret(TARGET_PASSWORD));
        } finally {
            for (String key : keys) {
                if (key != null) {
                    store.remove(key);
                }
            }
        }
    }

    private String runTheWizard(SecretStore store) throws Exception {
        return runTheWizard(store, new String[2]);
    }

    /** A whole wizard flow that saves and starts a pipeline; returns the review's summary and fills in the keys. */
    private String runTheWizard(SecretStore store, String[] keys) throws Exception {
        String src = SOURCE.freshDatabase();
        String dst = TARGET.freshDatabase();
        SOURCE.exec(src, "CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'v' FROM generate_series(1, 50) g");
        Services services = new Services(new SameThreadRunner(), ConnectionFactory.PGJDBC, new PipelineStore(config),
                store, new InProcessEngine());
        PipelineDraft d = new PipelineDraft();
        d.source.host.set("localhost");
        d.source.port.set(String.valueOf(SOURCE.port()));
        d.source.database.set(src);
        d.source.user.set("postgres");
        d.source.password.set(SOURCE_PASSWORD);
        d.source.sslMode.set("disable");
        d.destination.host.set("localhost");
        d.destination.port.set(String.valueOf(TARGET.port()));
        d.destination.database.set(dst);
        d.destination.user.set("postgres");
        d.destination.password.set(TARGET_PASSWORD);
        d.destination.sslMode.set("disable");
        d.slot.set("wiz_secret_" + src);
        d.publication.set("pub_" + src);
        WizardViewModel w = new WizardViewModel(d, services);

        w.source().testConnection();
        w.source().test().rows().forEach(this::collect);
        w.replication().entered();
        d.tables.add(new TableId("public", "t"));
        w.replication().plan().run();
        shown.addAll(w.replication().plan().log);
        shown.add(w.replication().plan().sql.get());
        w.destination().testConnection();
        w.destination().test().rows().forEach(this::collect);
        w.review().entered();
        String summary = w.review().summary.get();
        shown.add(summary);
        w.review().start();
        Pipeline pipeline = w.review().started.get();
        assertThat(pipeline).as("started; %s", w.review().problem.get()).isNotNull();
        shown.add(w.review().savedTo.get());
        SavedPipeline saved = services.pipelines().load(d.name.get());
        keys[0] = saved.sourceSecretKey();
        keys[1] = saved.destinationSecretKey();
        try {
            pipeline.stopWhenCaughtUpTo(SourcePosition.current(d.source.toEndpoint()));
            assertThat(pipeline.awaitTermination(Duration.ofMinutes(1))).isTrue();
        } finally {
            pipeline.stop();
            SOURCE.exec(src, "SELECT pg_drop_replication_slot('wiz_secret_" + src + "')");
        }
        // and a login the server refuses, with the same distinctive password
        d.source.user.set(MisconfiguredServer.USER);
        d.source.port.set(String.valueOf(MisconfiguredServer.shared().port()));
        d.source.database.set("postgres");
        w.source().testConnection();
        w.source().test().rows().forEach(this::collect);
        assertThat(w.source().test().outcome.get()).startsWith("not ready");

        assertNoSecretIn("logs and messages shown", everythingShown());
        return summary;
    }

    /** No file under the settings folder holds a password, except the one named (none when null). */
    private void assertNoSecretInAnyFileBut(Path allowed) throws Exception {
        try (Stream<Path> files = Files.walk(config)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.equals(allowed)) {
                    continue;
                }
                assertNoSecretIn(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private void collect(ChecklistRow row) {
        shown.add(row.summary.get() + " " + row.cause.get() + " " + row.fix.get());
    }
}
