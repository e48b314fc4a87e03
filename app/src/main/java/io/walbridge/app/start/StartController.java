package io.walbridge.app.start;

import io.walbridge.app.Version;
import io.walbridge.app.common.ProblemText;
import io.walbridge.app.demo.DemoViewModel;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.core.config.SavedPipeline;
import javafx.fxml.FXML;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The start screen's view: Try it with demo databases, New pipeline, and the saved pipelines to open. */
public final class StartController {

    private final StartViewModel vm;
    private final Consumer<PipelineDraft> openWizard;
    private final Consumer<String> openMonitor;
    private final Path configFolder;
    private final DemoViewModel demo;
    @FXML private Label title;
    @FXML private Button demoButton;
    @FXML private CheckBox freshDemo;
    @FXML private Button newButton;
    @FXML private ListView<SavedPipeline> pipelines;
    @FXML private Button openButton;
    @FXML private Button startButton;
    @FXML private Label folder;
    @FXML private Label problem;

    public StartController(StartViewModel vm, Consumer<PipelineDraft> openWizard, Consumer<String> openMonitor,
                           Path configFolder, DemoViewModel demo) {
        this.vm = vm;
        this.openWizard = openWizard;
        this.openMonitor = openMonitor;
        this.configFolder = configFolder;
        this.demo = demo;
    }

    @FXML
    private void initialize() {
        title.setText("WalBridge " + Version.current());
        pipelines.setItems(vm.pipelines);
        pipelines.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SavedPipeline item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : StartViewModel.describe(item));
            }
        });
        pipelines.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open();
            }
        });
        pipelines.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
            }
        });
        openButton.disableProperty().bind(pipelines.getSelectionModel().selectedItemProperty().isNull());
        startButton.disableProperty().bind(pipelines.getSelectionModel().selectedItemProperty().isNull().or(vm.starting));
        folder.setText("Saved in " + configFolder.resolve("pipelines"));
        ProblemText.bind(problem, vm.problem);
        bindDemo();
        vm.refresh();
    }

    /** The demo is the way in while nothing is saved: then its button is the prominent, default one. */
    private void bindDemo() {
        var noneSaved = Bindings.isEmpty(vm.pipelines);
        var running = demo.phase.isEqualTo(DemoViewModel.Phase.RUNNING);
        demoButton.defaultButtonProperty().bind(noneSaved.or(running));
        newButton.defaultButtonProperty().bind(demoButton.defaultButtonProperty().not());
        noneSaved.or(running).addListener((obs, was, is) -> prominent(is));
        prominent(noneSaved.or(running).get());
        demoButton.textProperty().bind(Bindings.when(running).then("Continue with the _demo databases")
                .otherwise("_Try it with demo databases"));
        demoButton.disableProperty().bind(demo.phase.isEqualTo(DemoViewModel.Phase.STARTING)
                .or(demo.phase.isEqualTo(DemoViewModel.Phase.STOPPING)));
        freshDemo.selectedProperty().bindBidirectional(demo.reset);
        freshDemo.visibleProperty().bind(demo.dataExists.and(demo.phase.isEqualTo(DemoViewModel.Phase.IDLE)));
        freshDemo.managedProperty().bind(freshDemo.visibleProperty());
    }

    private void prominent(boolean on) {
        demoButton.getStyleClass().remove("prominent");
        if (on) {
            demoButton.getStyleClass().add("prominent");
        }
    }

    @FXML
    private void tryDemo() {
        if (demo.phase.get() == DemoViewModel.Phase.RUNNING) {
            openWizard.accept(demo.draft());
        } else {
            demo.start(openWizard);
        }
    }

    @FXML
    private void newPipeline() {
        openWizard.accept(vm.newDraft());
    }

    @FXML
    private void start() {
        SavedPipeline chosen = pipelines.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            vm.start(chosen, openMonitor);
        }
    }

    @FXML
    private void monitor() {
        openMonitor.accept(null);
    }

    @FXML
    private void open() {
        SavedPipeline chosen = pipelines.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            vm.open(chosen, openWizard);
        }
    }
}
