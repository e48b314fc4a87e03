package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.Function;

/** Step 3's view: the CA file, its certificates, and the verify-full check against the server. */
public final class CaStepController {

    private final CaStepViewModel vm;
    @FXML private TextField path;
    @FXML private Button loadButton;
    @FXML private Label problem;
    @FXML private TableView<CertificateRow> certificates;
    @FXML private TableColumn<CertificateRow, String> subject;
    @FXML private TableColumn<CertificateRow, String> issuer;
    @FXML private TableColumn<CertificateRow, String> validity;
    @FXML private TableColumn<CertificateRow, String> fingerprint;
    @FXML private Button verifyButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label outcome;
    @FXML private Label status;
    @FXML private javafx.scene.layout.VBox checklistBox;

    public CaStepController(CaStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        path.textProperty().bindBidirectional(vm.path);
        loadButton.disableProperty().bind(vm.loading);
        ProblemText.bind(problem, vm.problem);
        certificates.setItems(vm.certificates);
        column(subject, CertificateRow::subject);
        column(issuer, CertificateRow::issuer);
        column(validity, CertificateRow::validity);
        column(fingerprint, CertificateRow::sha256);
        TestControls.bind(vm.verification(), verifyButton, cancelButton, progress, outcome);
        ProblemText.bindText(status, vm.status);
        checklistBox.getChildren().add(new ChecklistView(vm.verification().rows()));
    }

    private static void column(TableColumn<CertificateRow, String> c, Function<CertificateRow, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the CA certificate");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(path.getScene().getWindow());
        if (file != null) {
            vm.path.set(file.getAbsolutePath());
            vm.load();
        }
    }

    @FXML
    private void load(ActionEvent event) {
        vm.load();
        // Enter in the path field loads the file; unconsumed, it would also press the default button (Next)
        event.consume();
    }

    @FXML
    private void verify() {
        vm.verify();
    }

    @FXML
    private void cancelVerify() {
        vm.verification().cancel();
    }

    @FXML
    private void clear() {
        vm.clear();
    }
}
