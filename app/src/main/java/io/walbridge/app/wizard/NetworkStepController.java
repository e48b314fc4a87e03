package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Step 2's view: the addresses on both ends, what to allow, and the TLS warning. */
public final class NetworkStepController {

    private final NetworkStepViewModel vm;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label problem;
    @FXML private TextField serverSeesAs;
    @FXML private Label accessAdvice;
    @FXML private Label plainText;
    @FXML private ListView<String> interfaces;
    @FXML private Label datastream;

    public NetworkStepController(NetworkStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        refreshButton.disableProperty().bind(vm.running);
        progress.visibleProperty().bind(vm.running);
        ProblemText.bind(problem, vm.problem);
        serverSeesAs.textProperty().bind(vm.serverSeesAs);
        ProblemText.bindText(accessAdvice, vm.accessAdvice);
        ProblemText.bindText(plainText, vm.plainTextWarning);
        interfaces.setItems(vm.interfaces);
        datastream.setText(vm.datastreamNote());
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }
}
