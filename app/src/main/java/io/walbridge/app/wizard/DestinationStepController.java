package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import io.walbridge.app.common.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Step 5's view: PostgreSQL fields with their own test, or BigQuery's fields with theirs. */
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
    @FXML private TextField projectField;
    @FXML private TextField datasetField;
    @FXML private TextField locationField;
    @FXML private TextField keyField;
    @FXML private Button browseKey;
    @FXML private CheckBox defaultCredentials;
    @FXML private TextField stalenessField;
    @FXML private Button bigqueryTest;
    @FXML private ProgressIndicator bigqueryProgress;
    @FXML private Label bigqueryOutcome;
    @FXML private VBox bigqueryLines;
    @FXML private Label bigqueryProblem;

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
        bindBigQuery();
        formBox.getChildren().add(Views.load(getClass(), "endpoint-form.fxml", new EndpointFormController(vm.form())));
        TestControls.bind(vm.test(), testButton, cancelButton, progress, outcome);
        ProblemText.bind(problem, vm.test().problem);
        checklistBox.getChildren().add(new ChecklistView(vm.test().rows()));
    }

    private void bindBigQuery() {
        BigQueryForm f = vm.bigQuery();
        projectField.textProperty().bindBidirectional(f.project);
        datasetField.textProperty().bindBidirectional(f.dataset);
        locationField.textProperty().bindBidirectional(f.location);
        keyField.textProperty().bindBidirectional(f.keyFile);
        defaultCredentials.selectedProperty().bindBidirectional(f.defaultCredentials);
        stalenessField.textProperty().bindBidirectional(f.staleness);
        keyField.disableProperty().bind(f.defaultCredentials);
        browseKey.disableProperty().bind(f.defaultCredentials);
        bigqueryTest.disableProperty().bind(vm.bigQueryTesting);
        bigqueryProgress.visibleProperty().bind(vm.bigQueryTesting);
        bigqueryOutcome.textProperty().bind(vm.bigQueryOutcome);
        ProblemText.bind(bigqueryProblem, vm.bigQueryProblem);
        vm.bigQueryLines.addListener((javafx.collections.ListChangeListener<String>) c ->
                bigqueryLines.getChildren().setAll(vm.bigQueryLines.stream().map(Label::new).toList()));
    }

    @FXML
    private void browseKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Service account key (JSON)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON key", "*.json"));
        File file = chooser.showOpenDialog(keyField.getScene().getWindow());
        if (file != null) {
            vm.bigQuery().keyFile.set(file.getAbsolutePath());
        }
    }

    @FXML
    private void testBigQuery() {
        vm.testBigQuery();
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
