package io.walbridge.app;

import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.common.Services;
import io.walbridge.app.common.Views;
import io.walbridge.app.monitor.DesktopNotifier;
import io.walbridge.app.monitor.MonitorController;
import io.walbridge.app.monitor.MonitorModel;
import io.walbridge.app.demo.DemoBarController;
import io.walbridge.app.demo.DemoFolder;
import io.walbridge.app.demo.DemoSession;
import io.walbridge.app.demo.DemoViewModel;
import io.walbridge.app.start.StartController;
import io.walbridge.app.start.StartViewModel;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.app.wizard.WizardController;
import io.walbridge.app.wizard.WizardViewModel;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.pipeline.Pipeline;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The one window: start screen, wizard and monitor take turns as its content, below the demo bar (shown
 * while the demo databases start or run). It owns the running pipelines and the monitor, which keep running
 * (and alerting) whichever screen is shown, and stops them all, then the demo, on close.
 */
public final class AppWindow {

    private final Stage stage;
    private final Services services;
    private final Path configFolder;
    private final Scene scene;
    private final BorderPane frame = new BorderPane();
    private final DemoViewModel demo;
    private final RunningPipelines running;
    private final MonitorModel monitor;
    private final Timeline ticker;
    private MonitorController monitorController;
    private Parent monitorView;
    /** True while the view shown is the start screen, or a wizard or monitor view of the demo's databases. */
    private boolean demoOrStartShown;

    public AppWindow(Stage stage, Services services, Path configFolder) {
        this(stage, services, configFolder, DemoFolder.current(), DemoSession.Options.DEFAULT);
    }

    /** A window whose demo keeps its databases in {@code demoFolder} (tests pass their own folder and size). */
    public AppWindow(Stage stage, Services services, Path configFolder, DemoFolder demoFolder,
                     DemoSession.Options demoOptions) {
        this.stage = stage;
        // every start goes through the one owner of running pipelines, whatever engine the caller gave
        this.running = services.engine() instanceof RunningPipelines r ? r : new RunningPipelines(services.engine(), services.tasks());
        this.services = new Services(services.tasks(), services.connections(), services.pipelines(), services.secrets(), running);
        this.configFolder = configFolder;
        this.demo = new DemoViewModel(services.tasks(), demoFolder, services.secrets(), demoOptions,
                this::stopDemoPipeline);
        frame.setTop(Views.load(DemoBarController.class, "demo-bar.fxml", new DemoBarController(demo, this::demoStopped)));
        this.scene = new Scene(frame, 1280, 900);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("walbridge.css")).toExternalForm());
        stage.setTitle("WalBridge");
        stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResource("walbridge.png")).toExternalForm()));
        stage.setScene(scene);
        this.monitor = new MonitorModel(running, services.tasks(), Clock.systemDefaultZone(), configFolder.resolve("monitor"),
                services.connections(), AlertThresholds.DEFAULTS, new DesktopNotifier(stage));
        // one tick a second drives every poll and every chart; the polls themselves run in the background
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> monitor.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Scene scene() {
        return scene;
    }

    public MonitorModel monitor() {
        return monitor;
    }

    public void showStart() {
        demoOrStartShown = true;
        show(Views.load(StartController.class, "start.fxml",
                new StartController(new StartViewModel(services), this::showWizard, this::showMonitor, configFolder,
                        demo)));
    }

    public void showWizard(PipelineDraft draft) {
        demoOrStartShown = demo.isDemoSource(draft.source.host.get(), draft.source.port.get());
        WizardViewModel vm = new WizardViewModel(draft, services);
        show(Views.load(WizardController.class, "wizard.fxml",
                new WizardController(vm, this::showStart, (Pipeline p) -> showMonitor(p.config().name()))));
    }

    /** The monitor, with the named pipeline selected (null: the first one). */
    public void showMonitor(String select) {
        // one monitor view for the window's life: its charts and selection survive a visit to the start screen
        if (monitorView == null) {
            monitorController = new MonitorController(monitor, services.connections(), this::showStart, select);
            monitorView = Views.load(MonitorController.class, "monitor.fxml", monitorController);
        } else {
            monitorController.select(select);
        }
        demoOrStartShown = select != null && running.byName(select)
                .map(r -> demo.isDemoSource(r.pipeline().config().source())).orElse(false);
        show(monitorView);
    }

    private void show(Parent root) {
        frame.setCenter(root);
    }

    public DemoViewModel demo() {
        return demo;
    }

    /** After Stop demo: views of the stopped servers make way for the start screen; another pipeline stays shown. */
    private void demoStopped() {
        if (demoOrStartShown) {
            showStart();
        }
    }

    /** Before the demo's servers stop: pipelines replicating them are stopped first (off the UI thread). */
    private void stopDemoPipeline() {
        running.stopWhere(p -> demo.isDemoSource(p.config().source()), java.time.Duration.ofSeconds(30));
    }

    /**
     * Stops every running pipeline cleanly when the window closes (their threads would otherwise keep the JVM
     * alive), then the demo's generator and servers, so nothing is left running.
     */
    public void shutdown() {
        ticker.stop();
        running.stopAll(java.time.Duration.ofSeconds(30));
        monitor.close();
        demo.shutdown();
    }
}
