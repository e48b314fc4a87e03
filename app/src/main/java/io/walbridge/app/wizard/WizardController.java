package io.walbridge.app.wizard;

import io.walbridge.app.common.Views;
import io.walbridge.core.pipeline.Pipeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The wizard's frame: the list of steps, the current step's view, and Back/Next/Cancel. */
public final class WizardController {

    private final WizardViewModel vm;
    private final Runnable onCancel;
    private final Consumer<Pipeline> onStarted;
    private final List<Supplier<Parent>> makers = new ArrayList<>();
    private final List<Parent> views = new ArrayList<>();
    private final List<Label> stepLabels = new ArrayList<>();
    @FXML private VBox stepList;
    @FXML private Label heading;
    @FXML private StackPane content;
    @FXML private Label blocker;
    @FXML private Button back;
    @FXML private Button next;

    public WizardController(WizardViewModel vm, Runnable onCancel, Consumer<Pipeline> onStarted) {
        this.vm = vm;
        this.onCancel = onCancel;
        this.onStarted = onStarted;
    }

    @FXML
    private void initialize() {
        PipelineDraft draft = vm.draft();
        heading.setText(draft.saved.get() ? "Edit pipeline " + draft.name.get() : "New pipeline");
        makers.add(() -> Views.load(getClass(), "source-step.fxml", new SourceStepController(vm.source())));
        makers.add(() -> Views.load(getClass(), "network-step.fxml", new NetworkStepController(vm.network())));
        makers.add(() -> Views.load(getClass(), "ca-step.fxml", new CaStepController(vm.ca())));
        makers.add(() -> Views.load(getClass(), "replication-step.fxml",
                new ReplicationStepController(vm.replication(), draft)));
        makers.add(() -> Views.load(getClass(), "engine-step.fxml", new EngineStepController(vm.engine())));
        makers.add(() -> Views.load(getClass(), "destination-step.fxml", new DestinationStepController(vm.destination())));
        makers.add(() -> Views.load(getClass(), "review-step.fxml", new ReviewStepController(vm.review())));
        for (int i = 0; i < vm.steps().size(); i++) {
            Label l = new Label((i + 1) + ". " + vm.steps().get(i).title());
            l.getStyleClass().add("step-name");
            stepLabels.add(l);
            stepList.getChildren().add(l);
            views.add(null);
        }
        back.disableProperty().bind(vm.canGoBack().not());
        next.disableProperty().bind(vm.canGoNext().not());
        blocker.textProperty().bind(vm.blocker());
        vm.index.addListener((obs, old, now) -> show(now.intValue()));
        draft.engine.addListener((obs, old, now) -> markSkipped());
        markSkipped();
        vm.review().started.addListener((obs, old, pipeline) -> {
            if (pipeline != null) {
                onStarted.accept(pipeline);
            }
        });
        show(vm.index.get());
    }

    /** Views are made on first visit and kept, so a step's scroll position and selection survive Back and Next. */
    private void show(int index) {
        if (views.get(index) == null) {
            views.set(index, makers.get(index).get());
        }
        content.getChildren().setAll(views.get(index));
        for (int i = 0; i < stepLabels.size(); i++) {
            stepLabels.get(i).getStyleClass().remove("current");
            if (i == index) {
                stepLabels.get(i).getStyleClass().add("current");
            }
        }
    }

    /** Steps that do not apply to the chosen engine are greyed in the list; Back and Next pass them over. */
    private void markSkipped() {
        for (int i = 0; i < stepLabels.size(); i++) {
            stepLabels.get(i).getStyleClass().remove("skipped");
            if (vm.steps().get(i).skipped()) {
                stepLabels.get(i).getStyleClass().add("skipped");
            }
        }
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }
}
