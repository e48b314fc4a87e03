package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import io.walbridge.app.common.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** Step 1's view: the endpoint fields and the live connection checklist. */
public final class SourceStepController {

    private final SourceStepViewModel vm;
    @FXML private VBox formBox;
    @FXML private Button testButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label outcome;
    @FXML private Label problem;
    @FXML private VBox checklistBox;

    public SourceStepController(SourceStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        formBox.getChildren().add(Views.load(getClass(), "endpoint-form.fxml", new EndpointFormController(vm.form())));
        ConnectionTestViewModel test = vm.test();
        TestControls.bind(test, testButton, cancelButton, progress, outcome);
        ProblemText.bind(problem, test.problem);
        checklistBox.getChildren().add(new ChecklistView(test.rows()));
    }

    @FXML
    private void test() {
        vm.testConnection();
    }

    @FXML
    private void cancelTest() {
        vm.test().cancel();
    }
}
