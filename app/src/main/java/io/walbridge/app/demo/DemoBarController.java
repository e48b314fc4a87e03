package io.walbridge.app.demo;

import io.walbridge.app.common.ProblemText;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The demo bar above every view while the demo starts or runs: progress and Cancel, then the two servers, the
 * change rate slider, the changes made, and Stop demo.
 */
public final class DemoBarController {

    private final DemoViewModel vm;
    private final Runnable stopped;
    private final Timeline ticker;
    @FXML private VBox demoBar;
    @FXML private Label demoHeading;
    @FXML private Label demoServers;
    @FXML private HBox demoRateBox;
    @FXML private Slider demoRate;
    @FXML private Label demoRateValue;
    @FXML private Label demoChanges;
    @FXML private Button demoCancelButton;
    @FXML private Button demoStopButton;
    @FXML private Label demoProblem;

    public DemoBarController(DemoViewModel vm, Runnable stopped) {
        this.vm = vm;
        this.stopped = stopped;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        var running = vm.phase.isEqualTo(DemoViewModel.Phase.RUNNING);
        var idle = vm.phase.isEqualTo(DemoViewModel.Phase.IDLE);
        demoBar.visibleProperty().bind(idle.not().or(vm.problem.isNotNull()));
        demoBar.managedProperty().bind(demoBar.visibleProperty());
        demoHeading.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.phase.get()) {
            case STARTING -> "Starting the demo: " + vm.progress.get() + " …";
            case RUNNING -> "Demo databases running";
            case STOPPING -> "Stopping the demo: " + vm.progress.get() + " …";
            case IDLE -> "Demo";
        }, vm.phase, vm.progress));
        demoServers.textProperty().bind(vm.servers);
        demoServers.visibleProperty().bind(running);
        demoServers.managedProperty().bind(running);
        demoRateBox.visibleProperty().bind(running);
        demoRateBox.managedProperty().bind(running);
        demoRate.setValue(vm.rate.get());
        demoRate.valueProperty().addListener((obs, old, now) -> vm.rate.set((int) Math.round(now.doubleValue())));
        demoRateValue.textProperty().bind(Bindings.concat(vm.rate.asString(), " changes/s"));
        demoChanges.textProperty().bind(vm.changes);
        demoCancelButton.visibleProperty().bind(vm.phase.isEqualTo(DemoViewModel.Phase.STARTING));
        demoCancelButton.managedProperty().bind(demoCancelButton.visibleProperty());
        demoStopButton.visibleProperty().bind(running);
        demoStopButton.managedProperty().bind(running);
        ProblemText.bind(demoProblem, vm.problem);
        ticker.play();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void stop() {
        vm.stop(stopped);
    }
}
