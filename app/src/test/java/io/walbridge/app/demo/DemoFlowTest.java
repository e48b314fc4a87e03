package io.walbridge.app.demo;

import io.walbridge.app.AppWindow;
import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Services;
import io.walbridge.app.wizard.Screenshots;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.setup.ConnectionFactory;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo through the window (headless Monocle), as a newcomer meets it: Try it with demo databases, the
 * pre-filled wizard walked step by step (connection test, setup SQL run, Save and start), the running pipeline
 * in the status view under the demo bar, the rate slider, and Stop demo back to the start screen with no server
 * left running. Screenshots for the docs go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class DemoFlowTest {

    @TempDir
    static Path home;
    private AppWindow window;

    @Start
    void start(Stage stage) {
        Path config = home.resolve("config");
        Services services = new Services(new FxTaskRunner(), ConnectionFactory.PGJDBC, new PipelineStore(config),
                new FileSecretStore(config.resolve("secrets.properties")), new InProcessEngine());
        window = new AppWindow(stage, services, config, new DemoFolder(home.resolve("demo")),
                new DemoSession.Options(0.02, false, true, new ChangeGenerator.Settings(50, Duration.ZERO, 1)));
        window.showStart();
        stage.show();
    }

    @Test
    void tryItWalksThePrefilledWizardToARunningPipelineAndStopDemoStopsEverything(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#demoButton").query().getStyleClass().contains("prominent"));
        screenshot("demo-start.png");

        robot.clickOn("#demoButton");
        waitUntil(Duration.ofMinutes(3), () -> robot.lookup("#testButton").tryQuery().isPresent());
        assertThat(text(robot, "#demoHeading")).isEqualTo("Demo databases running");

        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#outcome").startsWith("ready"));
        robot.clickOn("#next");
        robot.clickOn("#next");
        robot.clickOn("#next");
        TableView<?> tables = robot.lookup("#tables").queryAs(TableView.class);
        waitUntil(() -> tables.getItems().size() == 5);
        robot.clickOn("#runButton");
        waitUntil(() -> robot.lookup("#log").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().startsWith("✔ created slot")));
        robot.clickOn("#next"); // engine: in this app
        robot.clickOn("#next"); // destination
        robot.clickOn("#next"); // review
        robot.clickOn("#startButton");
        waitUntil(Duration.ofMinutes(2), () -> robot.lookup("#state").tryQuery().isPresent()
                && text(robot, "#state").equals("streaming"));
        // the generator's changes reach the destination while the window watches
        waitUntil(Duration.ofMinutes(2), () -> !text(robot, "#totals").startsWith("0 changes"));
        Slider rate = robot.lookup("#demoRate").queryAs(Slider.class);
        robot.interact(() -> rate.setValue(200));
        assertThat(window.demo().generator().orElseThrow().rate()).isEqualTo(200);
        screenshot("demo-status.png");

        List<Long> pids = window.demo().session().orElseThrow().serverPids();
        robot.clickOn("#demoStopButton");
        waitUntil(Duration.ofMinutes(2), () -> window.demo().phase.get() == DemoViewModel.Phase.IDLE
                && robot.lookup("#demoButton").tryQuery().isPresent());
        assertThat(pids).allMatch(pid -> pid > 0).noneMatch(ServerProcesses::isAlive);
        assertThat(robot.lookup("#demoStopButton").query().isVisible()).isFalse();
    }

    private void screenshot(String name) throws Exception {
        Screenshots.save(window.scene(), name);
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return ((Labeled) n).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(Duration.ofSeconds(45), condition);
    }

    private static void waitUntil(Duration timeout, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
