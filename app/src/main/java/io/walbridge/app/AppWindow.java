package io.walbridge.app;

import io.walbridge.app.common.Services;
import io.walbridge.app.common.Views;
import io.walbridge.app.demo.DemoBarController;
import io.walbridge.app.demo.DemoFolder;
import io.walbridge.app.demo.DemoSession;
import io.walbridge.app.demo.DemoViewModel;
import io.walbridge.app.start.StartController;
import io.walbridge.app.start.StartViewModel;
import io.walbridge.app.status.StatusController;
import io.walbridge.app.status.StatusViewModel;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.app.wizard.WizardController;
import io.walbridge.app.wizard.WizardViewModel;
import io.walbridge.core.pipeline.Pipeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The one window: start screen, wizard and status view take turns as its content, below the demo bar (shown
 * while the demo databases start or run).
 */
public final class AppWindow {

    private final Stage stage;
    private final Services services;
    private final Path configFolder;
    private final Scene scene;
    private final BorderPane frame = new BorderPane();
    private final DemoViewModel demo;
    private volatile Pipeline running;
    /** True while the view shown is the start screen, or a wizard or status view of the demo's databases. */
    private boolean demoOrStartShown;

    public AppWindow(Stage stage, Services services, Path configFolder) {
        this(stage, services, configFolder, DemoFolder.current(), DemoSession.Options.DEFAULT);
    }

    /** A window whose demo keeps its databases in {@code demoFolder} (tests pass their own folder and size). */
    public AppWindow(Stage stage, Services services, Path configFolder, DemoFolder demoFolder,
                     DemoSession.Options demoOptions) {
        this.stage = stage;
        this.services = services;
        this.configFolder = configFolder;
        this.demo = new DemoViewModel(services.tasks(), demoFolder, services.secrets(), demoOptions,
                this::stopDemoPipeline);
        frame.setTop(Views.load(DemoBarController.class, "demo-bar.fxml", new DemoBarController(demo, this::demoStopped)));
        this.scene = new Scene(frame, 1100, 760);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("walbridge.css")).toExternalForm());
        stage.setTitle("WalBridge");
        stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResource("walbridge.png")).toExternalForm()));
        stage.setScene(scene);
    }

    public Scene scene() {
        return scene;
    }

    public void showStart() {
        demoOrStartShown = true;
        show(Views.load(StartController.class, "start.fxml",
                new StartController(new StartViewModel(services), this::showWizard, configFolder, demo)));
    }

    public void showWizard(PipelineDraft draft) {
        demoOrStartShown = demo.isDemoSource(draft.source.host.get(), draft.source.port.get());
        WizardViewModel vm = new WizardViewModel(draft, services);
        show(Views.load(WizardController.class, "wizard.fxml", new WizardController(vm, this::showStart, this::showStatus)));
    }

    public void showStatus(Pipeline pipeline) {
        running = pipeline;
        demoOrStartShown = demo.isDemoSource(pipeline.config().source());
        show(Views.load(StatusController.class, "status.fxml",
                new StatusController(new StatusViewModel(pipeline), this::showStart)));
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

    /** Before the demo's servers stop: a pipeline replicating them is stopped first (off the UI thread). */
    private void stopDemoPipeline() {
        Pipeline p = running;
        if (p != null && demo.isDemoSource(p.config().source())) {
            stopAndWait(p);
        }
    }

    /**
     * Stops a running pipeline cleanly when the window closes (its threads would otherwise keep the JVM alive),
     * then the demo's generator and servers, so nothing is left running.
     */
    public void shutdown() {
        Pipeline p = running;
        if (p != null) {
            stopAndWait(p);
        }
        demo.shutdown();
    }

    private static void stopAndWait(Pipeline p) {
        p.stop();
        try {
            p.awaitTermination(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
