package io.walbridge.app.monitor;

import io.walbridge.app.AppWindow;
import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Services;
import io.walbridge.app.wizard.Screenshots;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.testing.PgServer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor through its window (headless Monocle): a saved pipeline started from the start screen, load
 * driven on the source, the charts receiving points, the slots view listing the pipeline's slot and a
 * forgotten one, Validate replication, and Stop with its confirmation. Saves the README's screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorFlowTest {

    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");
    private static final String SRC = SOURCE.freshDatabase();
    private static final String DST = TARGET.freshDatabase();
    private static final String SLOT = "walbridge_orders_" + ProcessHandle.current().pid();
    private static final String FORGOTTEN = "debezium_" + ProcessHandle.current().pid();
    @TempDir
    static Path config;
    private AppWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        SOURCE.exec(SRC, "CREATE TABLE orders (id bigint PRIMARY KEY, customer int, total numeric, note text)",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 500) g",
                "INSERT INTO orders SELECT g, g % 500 + 1, g * 1.5, 'initial' FROM generate_series(1, 20000) g",
                "CREATE PUBLICATION orders_pub FOR TABLE orders, customers",
                "SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')",
                "SELECT pg_create_logical_replication_slot('" + FORGOTTEN + "', 'pgoutput')");
        PipelineStore store = new PipelineStore(config);
        store.save(new SavedPipeline("orders", MonitorFixture.endpoint(SOURCE, SRC), "orders_pub", SLOT,
                List.of("public.orders", "public.customers"), SavedPipeline.POSTGRESQL, MonitorFixture.endpoint(TARGET, DST)));
        Services services = new Services(new FxTaskRunner(), ConnectionFactory.PGJDBC, store,
                new FileSecretStore(config.resolve("secrets.properties")), new InProcessEngine());
        window = new AppWindow(stage, services, config);
        stage.setWidth(1400);
        stage.setHeight(1250);
        window.showStart();
        stage.show();
    }

    @AfterAll
    static void dropSlots() {
        for (String slot : List.of(SLOT, FORGOTTEN)) {
            SOURCE.exec(SRC, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                    + slot + "' AND NOT active");
        }
    }

    @Test
    void startsASavedPipelineAndShowsLiveChartsEverySlotAndValidation(FxRobot robot) throws Exception {
        ListView<?> saved = robot.lookup("#pipelines").queryAs(ListView.class);
        waitUntil(() -> saved.getItems().size() == 1);
        robot.interact(() -> saved.getSelectionModel().select(0));
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#state").tryQuery().isPresent() && text(robot, "#state").equals("streaming"));

        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> drive(loading), "test-load");
        load.start();
        try {
            robot.interact(() -> robot.lookup("#range").queryAs(javafx.scene.control.ChoiceBox.class)
                    .setValue(ChartRange.LIVE_2_MIN));
            waitUntil(() -> points(robot, "Changes per second") > 40 && maxY(robot, "Changes per second") > 0);
            assertThat(points(robot, "WAL retained by the slot")).isPositive();
            assertThat(points(robot, "Apply latency (source commit → destination commit)")).isPositive();
            assertThat(text(robot, "#changesPerSecond")).contains("/s read");
            Screenshots.save(window.scene(), "monitor.png");
        } finally {
            loading.set(false);
            load.join();
        }
        ListView<?> list = robot.lookup("#pipelines").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);

        robot.clickOn("All slots");
        @SuppressWarnings("unchecked")
        TableView<SlotRow> slots = robot.lookup(".slot-table").queryAs(TableView.class);
        waitUntil(() -> slots.getItems().stream().map(SlotRow::name).toList().containsAll(List.of(SLOT, FORGOTTEN)));
        SlotRow forgotten = slots.getItems().stream().filter(r -> r.name().equals(FORGOTTEN))
                .findFirst().orElseThrow();
        assertThat(forgotten.flagged()).isTrue();
        assertThat(forgotten.consumer()).endsWith("Debezium");
        // a threshold below what the forgotten slot holds: the alert appears in the list, the bar and the log
        long limitMb = Math.max(1, forgotten.retainedBytes() / 2 / (1 << 20));
        robot.clickOn("#maxRetained").push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A)
                .write(limitMb + "MB");
        robot.clickOn("#limitsButton");
        waitUntil(() -> slots.getItems().stream().anyMatch(r -> r.name().equals(FORGOTTEN)
                && r.alerts().contains("more than the alert limit of " + limitMb + " MB")));
        robot.interact(() -> slots.getSelectionModel().select(slots.getItems().stream()
                .filter(r -> r.name().equals(FORGOTTEN)).findFirst().orElseThrow()));
        assertThat(robot.lookup("#alertSummary").queryLabeled().getText()).contains("warning");
        Screenshots.save(window.scene(), "slots.png");

        robot.clickOn("Pipeline");
        robot.clickOn("#validateButton");
        waitUntil(() -> validationWindow().isPresent() && robot.from(validationWindow().get().getScene().getRoot())
                .lookup("#status").queryLabeled().getText().startsWith("all 2 tables are equal"));
        Screenshots.save(validationWindow().get().getScene(), "validation.png");
        robot.interact(() -> ((Stage) validationWindow().get()).close());

        robot.clickOn("#stopButton");
        robot.clickOn("Stop pipeline");
        waitUntil(() -> text(robot, "#state").equals("stopped"));
        robot.clickOn("Events");
        Screenshots.save(window.scene(), "events.png");
    }

    /** Bounded load: batches of inserts and updates until told to stop, at most two minutes. */
    private static void drive(AtomicBoolean loading) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long next = 100_000;
        while (loading.get() && System.nanoTime() < until) {
            SOURCE.exec(SRC, "INSERT INTO orders SELECT g, g % 500 + 1, g * 0.5, repeat('x', 200) FROM generate_series("
                    + next + ", " + (next + 299) + ") g",
                    "UPDATE orders SET total = total + 1 WHERE id BETWEEN " + (next - 5000) + " AND " + (next - 4900),
                    "DELETE FROM orders WHERE id BETWEEN " + (next - 10000) + " AND " + (next - 9990));
            next += 300;
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static java.util.Optional<Window> validationWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Validate replication")).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String title) {
        return robot.lookup((Node n) -> n instanceof LineChart<?, ?> c && title.equals(c.getTitle())).queryAs(LineChart.class);
    }

    private static int points(FxRobot robot, String title) {
        return chart(robot, title).getData().stream().mapToInt(s -> s.getData().size()).max().orElse(0);
    }

    private static double maxY(FxRobot robot, String title) {
        return chart(robot, title).getData().stream().flatMap(s -> s.getData().stream())
                .mapToDouble(d -> ((XYChart.Data<Number, Number>) d).getYValue().doubleValue()).max().orElse(0);
    }

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
