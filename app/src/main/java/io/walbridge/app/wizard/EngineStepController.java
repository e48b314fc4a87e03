package io.walbridge.app.wizard;

import io.walbridge.app.common.ProblemText;
import io.walbridge.core.handoff.HandoffEngine;
import io.walbridge.core.handoff.datastream.DatasetMode;
import io.walbridge.core.handoff.debezium.SnapshotMode;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;

/** Step 5's view: the engine choice and, for a hand-off, its fields, the generated texts and their actions. */
public final class EngineStepController {

    private final EngineStepViewModel vm;
    @FXML private RadioButton inApp;
    @FXML private RadioButton debezium;
    @FXML private RadioButton datastream;
    @FXML private Label inAppNote;
    @FXML private VBox debeziumBox;
    @FXML private TextField connectUrl;
    @FXML private TextField connectorName;
    @FXML private TextField topicPrefix;
    @FXML private ComboBox<SnapshotMode> snapshotMode;
    @FXML private TextField heartbeat;
    @FXML private TextField caOnWorkers;
    @FXML private TextField secretsOnWorkers;
    @FXML private Label snapshotMeaning;
    @FXML private Label configProblem;
    @FXML private TextArea configJson;
    @FXML private Label secretsLine;
    @FXML private Button copyConfig;
    @FXML private Button saveConfig;
    @FXML private Button createConnector;
    @FXML private Button refreshStatus;
    @FXML private ProgressIndicator debeziumBusy;
    @FXML private Label debeziumOutcome;
    @FXML private TextArea connectorStatus;
    @FXML private Label debeziumProblem;
    @FXML private VBox datastreamBox;
    @FXML private TextField project;
    @FXML private TextField region;
    @FXML private TextField sourceProfileId;
    @FXML private TextField destinationProfileId;
    @FXML private TextField streamId;
    @FXML private ComboBox<DatasetMode> datasetMode;
    @FXML private Label datasetLabel;
    @FXML private TextField dataset;
    @FXML private TextField datasetLocation;
    @FXML private TextField staleness;
    @FXML private Label requestsProblem;
    @FXML private TextArea gcloudScript;
    @FXML private TextArea requestsText;
    @FXML private Button copyScript;
    @FXML private Button saveScript;
    @FXML private Button copyRequests;
    @FXML private Button saveRequests;
    @FXML private TextField keyFile;
    @FXML private Button createInCloud;
    @FXML private Button fetchIps;
    @FXML private Label staticIps;
    @FXML private ProgressIndicator datastreamBusy;
    @FXML private Label datastreamOutcome;
    @FXML private ListView<String> datastreamLog;
    @FXML private Label datastreamProblem;

    public EngineStepController(EngineStepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        ToggleGroup engines = new ToggleGroup();
        inApp.setToggleGroup(engines);
        debezium.setToggleGroup(engines);
        datastream.setToggleGroup(engines);
        inApp.setUserData(HandoffEngine.IN_APP);
        debezium.setUserData(HandoffEngine.DEBEZIUM);
        datastream.setUserData(HandoffEngine.DATASTREAM);
        HandoffEngine now = vm.draft().engine.get();
        engines.selectToggle(now == HandoffEngine.DEBEZIUM ? debezium : now == HandoffEngine.DATASTREAM ? datastream : inApp);
        engines.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                vm.choose((HandoffEngine) t.getUserData());
            }
        });
        showWhen(inAppNote, HandoffEngine.IN_APP);
        showWhen(debeziumBox, HandoffEngine.DEBEZIUM);
        showWhen(datastreamBox, HandoffEngine.DATASTREAM);
        bindDebezium(vm.debezium());
        bindDatastream(vm.datastream());
    }

    private void showWhen(Node node, HandoffEngine engine) {
        node.visibleProperty().bind(vm.draft().engine.isEqualTo(engine));
        node.managedProperty().bind(node.visibleProperty());
    }

    private void bindDebezium(DebeziumHandoffViewModel d) {
        DebeziumForm f = d.form();
        connectUrl.textProperty().bindBidirectional(f.connectUrl);
        connectorName.textProperty().bindBidirectional(f.connectorName);
        topicPrefix.textProperty().bindBidirectional(f.topicPrefix);
        snapshotMode.setItems(FXCollections.observableArrayList(SnapshotMode.values()));
        snapshotMode.valueProperty().bindBidirectional(f.snapshotMode);
        snapshotMeaning.textProperty().bind(Bindings.createStringBinding(
                () -> f.snapshotMode.get() == null ? "" : f.snapshotMode.get().meaning(), f.snapshotMode));
        heartbeat.textProperty().bindBidirectional(f.heartbeatSeconds);
        caOnWorkers.textProperty().bindBidirectional(f.caFileOnWorkers);
        secretsOnWorkers.textProperty().bindBidirectional(f.secretsFileOnWorkers);
        ProblemText.bindText(configProblem, d.configProblem);
        configJson.textProperty().bind(d.configJson);
        secretsLine.textProperty().bind(Bindings.createStringBinding(() -> d.secretsLine.get().isEmpty() ? ""
                : "Before the connector starts, put this line into " + f.secretsFileOnWorkers.get()
                + " on every worker (readable by the worker only), and enable the provider in the worker's"
                + " configuration: config.providers=file and config.providers.file.class="
                + "org.apache.kafka.common.config.provider.FileConfigProvider.\n" + d.secretsLine.get()
                + "\nCreate/update on Connect sends the password itself instead; Connect keeps it in its config topic.",
                d.secretsLine, f.secretsFileOnWorkers));
        copyConfig.disableProperty().bind(d.configJson.isEmpty());
        saveConfig.disableProperty().bind(d.configJson.isEmpty());
        createConnector.disableProperty().bind(d.configJson.isEmpty().or(d.busy));
        refreshStatus.disableProperty().bind(d.busy);
        debeziumBusy.visibleProperty().bind(d.busy);
        ProblemText.bindText(debeziumOutcome, d.outcome);
        connectorStatus.textProperty().bind(d.status);
        connectorStatus.visibleProperty().bind(d.status.isNotEmpty());
        connectorStatus.managedProperty().bind(connectorStatus.visibleProperty());
        ProblemText.bind(debeziumProblem, d.problem);
    }

    private void bindDatastream(DatastreamHandoffViewModel g) {
        DatastreamForm f = g.form();
        project.textProperty().bindBidirectional(f.project);
        region.textProperty().bindBidirectional(f.region);
        sourceProfileId.textProperty().bindBidirectional(f.sourceProfileId);
        destinationProfileId.textProperty().bindBidirectional(f.destinationProfileId);
        streamId.textProperty().bindBidirectional(f.streamId);
        datasetMode.setItems(FXCollections.observableArrayList(DatasetMode.values()));
        datasetMode.valueProperty().bindBidirectional(f.datasetMode);
        datasetLabel.textProperty().bind(Bindings.createStringBinding(() -> f.datasetMode.get()
                == DatasetMode.SINGLE_DATASET ? "Dataset id" : "Dataset name prefix", f.datasetMode));
        dataset.textProperty().bindBidirectional(f.dataset);
        datasetLocation.textProperty().bindBidirectional(f.datasetLocation);
        staleness.textProperty().bindBidirectional(f.stalenessMinutes);
        ProblemText.bindText(requestsProblem, g.requestsProblem);
        gcloudScript.textProperty().bind(g.gcloudScript);
        requestsText.textProperty().bind(g.requestsText);
        copyScript.disableProperty().bind(g.gcloudScript.isEmpty());
        saveScript.disableProperty().bind(g.gcloudScript.isEmpty());
        copyRequests.disableProperty().bind(g.requestsText.isEmpty());
        saveRequests.disableProperty().bind(g.requestsText.isEmpty());
        keyFile.textProperty().addListener((obs, old, text) -> f.keyFile.set(text == null || text.isBlank() ? null : Path.of(text.strip())));
        keyFile.setText(f.keyFile.get() == null ? "" : f.keyFile.get().toString());
        createInCloud.disableProperty().bind(g.requestsText.isEmpty().or(g.busy).or(f.keyFile.isNull()));
        fetchIps.disableProperty().bind(g.busy.or(f.keyFile.isNull()));
        ProblemText.bindText(staticIps, g.staticIps);
        datastreamBusy.visibleProperty().bind(g.busy);
        ProblemText.bindText(datastreamOutcome, g.outcome);
        datastreamLog.setItems(g.log);
        ProblemText.bind(datastreamProblem, g.problem);
    }

    @FXML
    private void copyConfig() {
        copy(vm.debezium().configJson.get());
    }

    @FXML
    private void saveConfig() {
        File f = saveDialog("Save the connector configuration", vm.debezium().form().connectorName.get() + ".json");
        if (f != null) {
            vm.debezium().save(f.toPath());
        }
    }

    @FXML
    private void createConnector() {
        vm.debezium().createOnConnect();
    }

    @FXML
    private void refreshStatus() {
        vm.debezium().refreshStatus();
    }

    @FXML
    private void copyScript() {
        copy(vm.datastream().gcloudScript.get());
    }

    @FXML
    private void saveScript() {
        File f = saveDialog("Save the gcloud script", vm.datastream().form().streamId.get() + ".sh");
        if (f != null) {
            vm.datastream().saveScript(f.toPath());
        }
    }

    @FXML
    private void copyRequests() {
        copy(vm.datastream().requestsText.get());
    }

    @FXML
    private void saveRequests() {
        File f = saveDialog("Save the Datastream requests", vm.datastream().form().streamId.get() + "-requests.txt");
        if (f != null) {
            vm.datastream().saveRequests(f.toPath());
        }
    }

    @FXML
    private void browseKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the service account key");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON key", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(keyFile.getScene().getWindow());
        if (file != null) {
            keyFile.setText(file.getAbsolutePath());
        }
    }

    @FXML
    private void fetchIps() {
        vm.datastream().fetchStaticIps();
    }

    @FXML
    private void createInCloud() {
        vm.datastream().createInCloud();
    }

    private File saveDialog(String title, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        return chooser.showSaveDialog(configJson.getScene().getWindow());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
