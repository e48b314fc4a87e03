package io.walbridge.app.wizard;

import io.walbridge.app.AppWindow;
import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BigQuery branch of the destination step driven through the window (headless Monocle): BigQuery chosen, its
 * fields filled, "Test BigQuery" passing against the stand-in, a table marked append-only, then the review.
 */
@ExtendWith(ApplicationExtension.class)
class WizardBigQueryFlowTest {

    private static final PgServer SOURCE = PgServer.shared("source");

    @TempDir
    Path config;
    private final BigQueryStandIn standIn = BigQueryStandIn.start();
    private AppWindow window;
    private Stage stage;
    private String db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new AppWindow(stage, TestServices.with(new FxTaskRunner(), config, new InProcessEngine()), config);
        window.showStart();
        // tall enough that the whole BigQuery form fits the screenshot
        stage.setWidth(1100);
        stage.setHeight(830);
        stage.show();
    }

    @AfterEach
    void close() {
        standIn.close();
        if (db != null) {
            SOURCE.exec(db, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'slot_"
                    + db + "'");
        }
    }

    @Test
    void choosesBigQueryPassesItsTestAndMarksATableAppendOnly(FxRobot robot) throws Exception {
        db = SOURCE.freshDatabase();
        SOURCE.exec(db, "CREATE TABLE orders (id int PRIMARY KEY, total numeric)",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "CREATE TABLE audit_log (at timestamptz DEFAULT now(), what text)");
        // as a saved pipeline opened for editing: the source is filled in, and the BigQuery endpoints are the
        // stand-in's, as a pipeline file's api/writeApi entries set them (the form has no field for them)
        PipelineDraft draft = new PipelineDraft();
        draft.source.host.set("localhost");
        draft.source.port.set(String.valueOf(SOURCE.port()));
        draft.source.database.set(db);
        draft.source.user.set("postgres");
        draft.source.sslMode.set("disable");
        draft.publication.set("pub_" + db);
        draft.slot.set("slot_" + db);
        draft.bigQuery.endpoints.set(standIn.endpoints());
        robot.interact(() -> window.showWizard(draft));

        robot.clickOn("#next"); // source
        robot.clickOn("#next"); // network access
        robot.clickOn("#next"); // CA certificate
        TableView<?> tables = robot.lookup("#tables").queryAs(TableView.class);
        waitUntil(() -> tables.getItems().size() == 3);
        robot.clickOn("Select all");
        robot.clickOn("#runButton");
        waitUntil(() -> robot.lookup("#log").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().startsWith("✔ created slot")));
        robot.clickOn("#next"); // engine: in this app
        robot.clickOn("#next");

        robot.clickOn("#bigquery");
        robot.clickOn("#projectField").write("shop-analytics");
        robot.clickOn("#datasetField").write("shop_replica");
        robot.clickOn("#locationField").write("EU");
        robot.clickOn("#defaultCredentials");
        assertThat(robot.lookup("#keyField").queryAs(TextInputControl.class).isDisabled()).isTrue();
        robot.clickOn("#bigqueryTest");
        waitUntil(() -> text(robot, "#bigqueryOutcome").startsWith("BigQuery is ready"));
        assertThat(robot.lookup((Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith("✔ "))
                .queryAll()).hasSize(3);

        CheckBox audit = checkBox(robot, "public.audit_log");
        assertThat(audit.isSelected()).isTrue();
        assertThat(audit.isDisabled()).as("a table without a primary key is always append-only").isTrue();
        CheckBox orders = checkBox(robot, "public.orders");
        assertThat(orders.isSelected()).isFalse();
        robot.clickOn(orders);
        assertThat(orders.isSelected()).isTrue();
        assertThat(robot.lookup("append-only: one row per change, history kept").tryQuery()).isPresent();
        assertThat(checkBox(robot, "public.customers").isSelected()).isFalse();
        assertThat(robot.lookup("#policyFail").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.interact(() -> robot.lookup("#bigqueryTest").query().requestFocus());
        Screenshots.save(window.scene(), "wizard-bigquery.png");

        robot.clickOn("#next");
        assertThat(text(robot, "#summary")).contains("BigQuery shop-analytics.shop_replica (EU), Application Default Credentials")
                .contains("Append-only:  public.audit_log (no primary key), public.orders; one row per change")
                .contains("stops the pipeline (unrepresentable=fail)");
        robot.clickOn("#saveButton");
        waitUntil(() -> text(robot, "#savedTo").startsWith("saved to"));
        String saved = Files.readString(config.resolve("pipelines/slot_" + db + ".json"));
        assertThat(saved).contains("\"appendOnly\" : [ \"\\\"public\\\".\\\"audit_log\\\"\", \"\\\"public\\\".\\\"orders\\\"\" ]")
                .contains("\"unrepresentable\" : \"fail\"");
    }

    private static CheckBox checkBox(FxRobot robot, String text) {
        return robot.lookup(".check-box").match((CheckBox c) -> text.equals(c.getText())).queryAs(CheckBox.class);
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
