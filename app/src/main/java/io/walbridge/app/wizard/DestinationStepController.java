package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import io.walbridge.app.common.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Step 5's view: PostgreSQL fields with their own test; BigQuery's fields shown disabled with the reason. */
public final class DestinationStepController {

    private final DestinationStepViewModel vm;
    @FXML private RadioButton postgres;
    @FXML private RadioButton bigquery;
    @FXML private VBox postgresBox;
    @FXML private VBox formBox;
    @FXML private Button testButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label outcome;
    @FXML private Label problem;
    @FXML private VBox checklistBox;
    @FXML private VBox bigqueryBox;
    @FXML private Label bigqueryNote;

    public DestinationStepController(DestinationStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        ToggleGroup kind = new ToggleGroup();
        postgres.setToggleGroup(kind);
        bigquery.setToggleGroup(kind);
        postgres.setUserData(DestinationKind.POSTGRESQL);
        bigquery.setUserData(DestinationKind.BIGQUERY);
        kind.selectToggle(vm.draft().destinationKind.get() == DestinationKind.BIGQUERY ? bigquery : postgres);
        kind.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.draft().destinationKind.set((DestinationKind) now.getUserData());
            }
        });
        postgresBox.visibleProperty().bind(vm.draft().destinationKind.isEqualTo(DestinationKind.POSTGRESQL));
        postgresBox.managedProperty().bind(postgresBox.visibleProperty());
        bigqueryBox.visibleProperty().bind(postgresBox.visibleProperty().not());
        bigqueryBox.managedProperty().bind(bigqueryBox.visibleProperty());
        bigqueryNote.setText(DestinationStepViewModel.BIGQUERY_NOTE + ". Its settings are shown so you can see what"
                + " it will need; they cannot be used yet. Choose PostgreSQL to continue.");
        formBox.getChildren().add(Views.load(getClass(), "endpoint-form.fxml", new EndpointFormController(vm.form())));
        TestControls.bind(vm.test(), testButton, cancelButton, progress, outcome);
        ProblemText.bind(problem, vm.test().problem);
        checklistBox.getChildren().add(new ChecklistView(vm.test().rows()));
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
