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
    @FXML private VBox bar;
    @FXML private Label heading;
    @FXML private Label servers;
    @FXML private HBox rateBox;
    @FXML private Slider rate;
    @FXML private Label rateValue;
    @FXML private Label changes;
    @FXML private Button cancelButton;
    @FXML private Button stopButton;
    @FXML private Label problem;

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
        bar.visibleProperty().bind(idle.not().or(vm.problem.isNotNull()));
        bar.managedProperty().bind(bar.visibleProperty());
        heading.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.phase.get()) {
            case STARTING -> "Starting the demo: " + vm.progress.get() + " …";
            case RUNNING -> "Demo databases running";
            case STOPPING -> "Stopping the demo: " + vm.progress.get() + " …";
            case IDLE -> "Demo";
        }, vm.phase, vm.progress));
        servers.textProperty().bind(vm.servers);
        servers.visibleProperty().bind(running);
        servers.managedProperty().bind(running);
        rateBox.visibleProperty().bind(running);
        rateBox.managedProperty().bind(running);
        rate.setValue(vm.rate.get());
        rate.valueProperty().addListener((obs, old, now) -> vm.rate.set((int) Math.round(now.doubleValue())));
        rateValue.textProperty().bind(Bindings.concat(vm.rate.asString(), " changes/s"));
        changes.textProperty().bind(vm.changes);
        cancelButton.visibleProperty().bind(vm.phase.isEqualTo(DemoViewModel.Phase.STARTING));
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        stopButton.visibleProperty().bind(running);
        stopButton.managedProperty().bind(running);
        ProblemText.bind(problem, vm.problem);
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
