package io.walbridge.app.wizard;

import io.walbridge.app.AppWindow;
import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.core.setup.TestPki;
import io.walbridge.core.testing.PgServer;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole wizard driven through its window (headless Monocle) against an embedded PostgreSQL with TLS and
 * scram-sha-256 logins: endpoint, connection test, CA, tables, setup SQL, destination, review, start.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {

    private static final String PASSWORD = "Admin-Pass-1";
    // the test's own superuser stays trusted (the embedded server needs it); everyone else gives a password
    private static final String HBA = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static PgServer server;
    private static TestPki pki;
    @TempDir
    static Path config;
    private AppWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.get();
        Path hba = Files.createTempFile("walbridge-wizard-hba", ".conf");
        Files.writeString(hba, HBA);
        server = PgServer.start(b -> b.setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", pki.localhostCert.toString())
                .setServerConfig("ssl_key_file", pki.serverKey.toString())
                .setServerConfig("hba_file", hba.toString()));
        server.exec("postgres", "CREATE ROLE admin LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE shop", "CREATE DATABASE replica");
        server.exec("shop", "CREATE TABLE orders (id int PRIMARY KEY, total numeric)",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)", "CREATE TABLE audit_log (at timestamptz, what text)",
                "INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 200) g",
                "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        window = new AppWindow(stage, TestServices.with(new FxTaskRunner(), config, new InProcessEngine()), config);
        window.showStart();
        stage.show();
    }

    @Test
    void setsUpAndStartsAPipelineThroughEveryStep(FxRobot robot) throws Exception {
        robot.clickOn("#newButton");
        enterEndpoint(robot, "shop", "admin", PASSWORD);
        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#outcome").startsWith("ready"));
        Screenshots.save(window.scene(), "wizard.png");

        robot.clickOn("#next");
        waitUntil(() -> text(robot, "#serverSeesAs").contains("allow"));
        assertThat(text(robot, "#serverSeesAs")).containsAnyOf("127.0.0.1", "::1");

        robot.clickOn("#next");
        // a long path typed key by key only slows the test; the field is bound like any other
        TextInputControl path = robot.lookup("#path").queryAs(TextInputControl.class);
        robot.interact(() -> path.setText(pki.caPem.toString()));
        robot.clickOn("#loadButton");
        waitUntil(() -> robot.lookup("#certificates").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn("#verifyButton");
        waitUntil(() -> text(robot, "#status").startsWith("verified"));

        robot.clickOn("#next");
        TableView<?> tables = robot.lookup("#tables").queryAs(TableView.class);
        waitUntil(() -> tables.getItems().size() == 3);
        robot.clickOn("Select all");
        robot.clickOn(checkBoxOf(robot, "audit_log"));
        robot.clickOn("#runButton");
        waitUntil(() -> robot.lookup("#log").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().startsWith("✔ created slot")));
        Screenshots.save(window.scene(), "wizard-replication.png");
        assertThat(server.rows("shop", "SELECT tablename FROM pg_publication_tables WHERE pubname = 'walbridge_pub'"
                + " ORDER BY 1")).containsExactly(List.of("customers"), List.of("orders"));
        assertThat(server.scalar("shop", "SELECT plugin FROM pg_replication_slots WHERE slot_name = 'walbridge_slot'"))
                .isEqualTo("pgoutput");

        robot.clickOn("#next");
        // the engine step: the Debezium hand-off's configuration is made from what was just prepared
        robot.clickOn("#debezium");
        waitUntil(() -> text(robot, "#configJson").contains("\"slot.name\" : \"walbridge_slot\""));
        assertThat(text(robot, "#configJson")).contains("\"publication.name\" : \"walbridge_pub\"")
                .contains("\"database.sslmode\" : \"verify-full\"").doesNotContain(PASSWORD);
        Screenshots.save(window.scene(), "wizard-engine.png");
        robot.clickOn("#datastream");
        TextInputControl project = robot.lookup("#project").queryAs(TextInputControl.class);
        robot.interact(() -> project.setText("shop-analytics"));
        waitUntil(() -> text(robot, "#gcloudScript").contains("--postgresql-ca-certificate="));
        assertThat(text(robot, "#requestsText")).contains("\"replicationSlot\" : \"walbridge_slot\"")
                .doesNotContain(PASSWORD);
        robot.interact(() -> robot.lookup("#gcloudScript").query().getParent().requestFocus());
        Screenshots.save(window.scene(), "wizard-datastream.png");
        robot.clickOn("#inApp");
        robot.clickOn("#next");
        enterEndpoint(robot, "replica", "postgres", "");
        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#outcome").startsWith("ready"));

        robot.clickOn("#next");
        assertThat(text(robot, "#summary")).contains("walbridge_pub").contains("2 (public.customers, public.orders)")
                .contains("sslmode=verify-full");
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#state").tryQuery().isPresent()
                && text(robot, "#state").equals("streaming"));
        assertThat(server.scalar("replica", "SELECT count(*) FROM orders")).isEqualTo("200");
        String saved = Files.readString(config.resolve("pipelines/walbridge_slot.json"));
        assertThat(saved).contains("verify-full").doesNotContain(PASSWORD);

        robot.clickOn("#stopButton");
        robot.clickOn("Stop pipeline"); // the confirmation: data is at stake
        waitUntil(() -> text(robot, "#state").equals("stopped"));
        assertNoNodeShows(robot, PASSWORD);
    }

    @Test
    void aWrongPasswordShowsTheCauseAndTheFix(FxRobot robot) throws Exception {
        robot.clickOn("#newButton");
        enterEndpoint(robot, "shop", "admin", "Not-The-Password");
        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#outcome").startsWith("not ready"));

        assertThat(robot.lookup("the server rejected the password for user 'admin'").tryQuery()).isPresent();
        assertThat(robot.lookup((Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith("Fix: check the password")
                && l.getText().contains("ALTER ROLE \"admin\" PASSWORD")).tryQuery()).isPresent();
        assertThat(text(robot, "#blocker")).isEmpty();
        assertNoNodeShows(robot, "Not-The-Password");
    }

    private static void enterEndpoint(FxRobot robot, String database, String user, String password) {
        replace(robot, "#host", "localhost");
        replace(robot, "#port", String.valueOf(server.port()));
        replace(robot, "#database", database);
        replace(robot, "#user", user);
        if (!password.isEmpty()) {
            robot.clickOn("#password").write(password);
        }
    }

    private static void replace(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
    }

    private static Node checkBoxOf(FxRobot robot, String table) {
        Node row = robot.lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getItem() instanceof TableRow t && t.name().equals(table)).query();
        return robot.from(row).lookup(".check-box").query();
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    /** No label or text field anywhere in the window holds the password (a password field may, by design). */
    private static void assertNoNodeShows(FxRobot robot, String secret) {
        assertThat(robot.lookup((Node n) -> (n instanceof Labeled l && l.getText() != null && l.getText().contains(secret))
                || (n instanceof TextInputControl t && !(t instanceof PasswordField) && t.getText() != null
                && t.getText().contains(secret))).queryAll()).isEmpty();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
