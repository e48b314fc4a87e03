package io.walbridge.app.wizard;

import io.walbridge.app.common.FieldRules;
import io.walbridge.app.common.ProblemText;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Step 7's view: the summary, the pipeline's name, Save and Start. */
public final class ReviewStepController {

    private final ReviewStepViewModel vm;
    private final ValidationSupport validation = new ValidationSupport();
    @FXML private TextField name;
    @FXML private TextArea summary;
    @FXML private Button saveButton;
    @FXML private Button startButton;
    @FXML private ProgressIndicator busy;
    @FXML private Label savedTo;
    @FXML private Label problem;

    public ReviewStepController(ReviewStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(vm.name());
        FieldRules.register(validation, name, ReviewStepViewModel::nameProblem);
        summary.textProperty().bind(vm.summary);
        saveButton.disableProperty().bind(vm.busy.or(validation.invalidProperty()));
        startButton.disableProperty().bind(saveButton.disableProperty().or(vm.startable.not()));
        busy.visibleProperty().bind(vm.busy);
        ProblemText.bindText(savedTo, vm.savedTo);
        ProblemText.bind(problem, vm.problem);
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void start() {
        vm.start();
    }
}
