package io.walbridge.app;

import io.walbridge.app.common.Services;
import io.walbridge.app.common.Views;
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
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** The one window: start screen, wizard and status view take turns as its content. */
public final class AppWindow {

    private final Stage stage;
    private final Services services;
    private final Path configFolder;
    private final Scene scene;
    private Pipeline running;

    public AppWindow(Stage stage, Services services, Path configFolder) {
        this.stage = stage;
        this.services = services;
        this.configFolder = configFolder;
        this.scene = new Scene(new javafx.scene.layout.Pane(), 1100, 760);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("walbridge.css")).toExternalForm());
        stage.setTitle("WalBridge");
        stage.setScene(scene);
    }

    public Scene scene() {
        return scene;
    }

    public void showStart() {
        show(Views.load(StartController.class, "start.fxml",
                new StartController(new StartViewModel(services), this::showWizard, configFolder)));
    }

    public void showWizard(PipelineDraft draft) {
        WizardViewModel vm = new WizardViewModel(draft, services);
        show(Views.load(WizardController.class, "wizard.fxml", new WizardController(vm, this::showStart, this::showStatus)));
    }

    public void showStatus(Pipeline pipeline) {
        running = pipeline;
        show(Views.load(StatusController.class, "status.fxml",
                new StatusController(new StatusViewModel(pipeline), this::showStart)));
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    /** Stops a running pipeline cleanly when the window closes: its threads would otherwise keep the JVM alive. */
    public void shutdown() {
        Pipeline p = running;
        if (p != null) {
            p.stop();
            try {
                p.awaitTermination(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
