package io.walbridge.app.wizard;

import io.walbridge.app.common.FieldRules;
import io.walbridge.app.common.ProblemText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.validation.ValidationSupport;

import java.io.File;
import java.util.function.Function;

/** Step 4's view: the table picker, the names and options, the SQL, and the run log. */
public final class ReplicationStepController {

    private final ReplicationStepViewModel vm;
    private final PipelineDraft draft;
    private final ValidationSupport validation = new ValidationSupport();
    @FXML private Button reloadButton;
    @FXML private ProgressIndicator loading;
    @FXML private TableView<TableRow> tables;
    @FXML private TableColumn<TableRow, Boolean> chosen;
    @FXML private TableColumn<TableRow, String> schema;
    @FXML private TableColumn<TableRow, String> name;
    @FXML private TableColumn<TableRow, String> rows;
    @FXML private TableColumn<TableRow, String> size;
    @FXML private TableColumn<TableRow, String> key;
    @FXML private TableColumn<TableRow, String> flags;
    @FXML private Label pickerProblem;
    @FXML private TextField publication;
    @FXML private TextField slot;
    @FXML private CheckBox createLogin;
    @FXML private TextField loginName;
    @FXML private CheckBox replicaIdentity;
    @FXML private Button previewButton;
    @FXML private Button runButton;
    @FXML private Button copyButton;
    @FXML private Button saveButton;
    @FXML private ProgressIndicator running;
    @FXML private Label problem;
    @FXML private ListView<String> notes;
    @FXML private TextArea sql;
    @FXML private VBox passwordBox;
    @FXML private TextField newPassword;
    @FXML private ListView<String> log;

    public ReplicationStepController(ReplicationStepViewModel vm, PipelineDraft draft) {
        this.vm = vm;
        this.draft = draft;
    }

    @FXML
    private void initialize() {
        TablePickerViewModel picker = vm.picker();
        ReplicationPlanViewModel plan = vm.plan();
        tables.setItems(picker.rows);
        chosen.setCellValueFactory(c -> c.getValue().selected);
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        column(schema, TableRow::schema);
        column(name, TableRow::name);
        column(rows, TableRow::rows);
        column(size, TableRow::size);
        column(key, TableRow::key);
        column(flags, TableRow::flags);
        reloadButton.disableProperty().bind(picker.loading);
        loading.visibleProperty().bind(picker.loading);
        ProblemText.bind(pickerProblem, picker.problem);

        publication.textProperty().bindBidirectional(draft.publication);
        slot.textProperty().bindBidirectional(draft.slot);
        createLogin.selectedProperty().bindBidirectional(plan.createLogin);
        loginName.textProperty().bindBidirectional(plan.loginName);
        loginName.disableProperty().bind(plan.createLogin.not());
        FieldRules.register(validation, publication, ReplicationPlanViewModel::publicationProblem);
        FieldRules.register(validation, slot, ReplicationPlanViewModel::slotProblem);
        FieldRules.register(validation, loginName,
                v -> plan.createLogin.get() ? ReplicationPlanViewModel.loginProblem(v) : null);
        replicaIdentity.selectedProperty().bindBidirectional(plan.replicaIdentityFull);
        replicaIdentity.textProperty().bind(Bindings.createStringBinding(() -> picker.chosenWithoutKey.get() == 0
                ? "Set REPLICA _IDENTITY FULL on chosen tables without a primary key (every chosen table has one)"
                : "Set REPLICA _IDENTITY FULL on the " + picker.chosenWithoutKey.get()
                + " chosen table(s) without a primary key", picker.chosenWithoutKey));
        replicaIdentity.disableProperty().bind(picker.chosenWithoutKey.isEqualTo(0));

        previewButton.disableProperty().bind(plan.running);
        runButton.disableProperty().bind(plan.running);
        copyButton.disableProperty().bind(plan.sql.isEmpty());
        saveButton.disableProperty().bind(plan.sql.isEmpty());
        running.visibleProperty().bind(plan.running);
        ProblemText.bind(problem, plan.problem);
        notes.setItems(plan.notes);
        notes.visibleProperty().bind(Bindings.isNotEmpty(plan.notes));
        notes.managedProperty().bind(notes.visibleProperty());
        sql.textProperty().bind(plan.sql);
        newPassword.textProperty().bind(plan.newPassword);
        passwordBox.visibleProperty().bind(plan.newPassword.isNotEmpty());
        passwordBox.managedProperty().bind(passwordBox.visibleProperty());
        log.setItems(plan.log);
        plan.setSlotQuestion(this::askAboutSlot);
    }

    private static void column(TableColumn<TableRow, String> c, Function<TableRow, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private SlotQuestion.Answer askAboutSlot(String slotName) {
        ButtonType reuse = new ButtonType("Reuse the slot", ButtonBar.ButtonData.YES);
        ButtonType recreate = new ButtonType("Drop and recreate", ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", reuse, recreate, cancel);
        alert.initOwner(tables.getScene().getWindow());
        alert.setTitle("Slot " + slotName + " already exists");
        alert.setHeaderText("Replication slot \"" + slotName + "\" already exists on the source.");
        alert.setContentText("Reuse it: streaming goes on from where its last reader stopped.\n"
                + "Drop and recreate it: the changes it still holds for its reader are lost, and a new copy of the"
                + " tables starts from now.");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == reuse) {
            return SlotQuestion.Answer.REUSE;
        }
        return answer == recreate ? SlotQuestion.Answer.RECREATE : SlotQuestion.Answer.CANCEL;
    }

    @FXML
    private void selectAll() {
        vm.picker().selectAll(true);
    }

    @FXML
    private void selectNone() {
        vm.picker().selectAll(false);
    }

    @FXML
    private void reload() {
        vm.picker().load();
    }

    @FXML
    private void preview() {
        vm.plan().preview();
    }

    @FXML
    private void run() {
        vm.plan().run();
    }

    @FXML
    private void copy() {
        copyText(vm.plan().sql.get());
    }

    @FXML
    private void copyPassword() {
        copyText(vm.plan().newPassword.get());
    }

    private static void copyText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void saveSql() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the setup SQL");
        chooser.setInitialFileName("walbridge-setup.sql");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SQL script", "*.sql"));
        File file = chooser.showSaveDialog(sql.getScene().getWindow());
        if (file != null) {
            vm.plan().saveSql(file.toPath());
        }
    }
}
