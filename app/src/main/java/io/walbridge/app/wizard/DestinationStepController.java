package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import io.walbridge.app.common.Views;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

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
    @FXML private VBox appendOnlyList;
    @FXML private RadioButton policyFail;
    @FXML private RadioButton policyNull;

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
        vm.appendOnlyRows.addListener((javafx.collections.ListChangeListener<AppendOnlyRow>) c -> showAppendOnlyRows());
        showAppendOnlyRows();
        ToggleGroup policy = new ToggleGroup();
        policyFail.setToggleGroup(policy);
        policyNull.setToggleGroup(policy);
        policyFail.setUserData(ValuePolicy.FAIL);
        policyNull.setUserData(ValuePolicy.NULL);
        policy.selectToggle(f.unrepresentable.get() == ValuePolicy.NULL ? policyNull : policyFail);
        policy.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                f.unrepresentable.set((ValuePolicy) now.getUserData());
            }
        });
    }

    private void showAppendOnlyRows() {
        appendOnlyList.getChildren().setAll(vm.appendOnlyRows.stream().map(DestinationStepController::appendOnlyRow).toList());
    }

    private static HBox appendOnlyRow(AppendOnlyRow row) {
        CheckBox box = new CheckBox(row.table().toString());
        box.setMnemonicParsing(false); // table names often hold '_'
        box.setMinWidth(260);
        box.setSelected(row.appendOnly.get());
        box.setDisable(row.locked());
        box.selectedProperty().addListener((obs, was, is) -> row.mark(is));
        row.appendOnly.addListener((obs, was, is) -> box.setSelected(is));
        Label note = new Label();
        note.textProperty().bind(row.note);
        note.getStyleClass().add("hint");
        HBox line = new HBox(10, box, note);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().addAll("check-row", "table-choice");
        if (row.locked()) {
            line.getStyleClass().add("locked");
        }
        line.setPadding(new Insets(4, 6, 4, 6));
        return line;
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
