package io.walbridge.app.status;

import io.walbridge.app.common.ProblemText;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.util.Duration;

/** The status view: reads the engine's counters once a second and forwards Pause, Resume and Stop. */
public final class StatusController {

    private final StatusViewModel vm;
    private final Runnable onClose;
    private final Timeline ticker;
    @FXML private Label title;
    @FXML private Label state;
    @FXML private Label changes;
    @FXML private Label confirmed;
    @FXML private Label lastError;
    @FXML private ListView<String> tables;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Button closeButton;

    public StatusController(StatusViewModel vm, Runnable onClose) {
        this.vm = vm;
        this.onClose = onClose;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(Bindings.concat("Pipeline ", vm.name));
        state.textProperty().bind(vm.state);
        changes.textProperty().bind(vm.changes);
        confirmed.textProperty().bind(vm.confirmedLsn);
        ProblemText.bindText(lastError, Bindings.createStringBinding(() -> vm.lastError.get().isEmpty() ? ""
                : "Last error: " + vm.lastError.get() + (vm.lastErrorFix.get().isEmpty() ? ""
                : "\nFix: " + vm.lastErrorFix.get()), vm.lastError, vm.lastErrorFix));
        lastError.getStyleClass().add("problem");
        tables.setItems(vm.tables);
        pauseButton.disableProperty().bind(vm.paused.or(vm.ended));
        resumeButton.disableProperty().bind(vm.paused.not().or(vm.ended));
        stopButton.disableProperty().bind(vm.ended);
        // leaving is possible once the engine has ended: a pipeline must not run on unseen
        closeButton.disableProperty().bind(vm.ended.not());
        ticker.play();
    }

    @FXML
    private void pause() {
        vm.pause();
    }

    @FXML
    private void resume() {
        vm.resume();
    }

    @FXML
    private void stop() {
        vm.stop();
    }

    @FXML
    private void close() {
        ticker.stop();
        onClose.run();
    }
}
