package io.walbridge.app.monitor;

import io.walbridge.app.common.Views;
import io.walbridge.core.monitor.Severity;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.verify.Verifier;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The monitor screen: the pipeline list with state colours, and tabs for the selected pipeline's dashboard,
 * every slot of the sources, and the event log. Only binds and forwards; the models do the work.
 */
public final class MonitorController {

    private final MonitorModel model;
    private final ConnectionFactory connections;
    private final Runnable onBack;
    private final ZoneId zone = ZoneId.systemDefault();
    private final DashboardViewModel dashboard;
    private final SlotsViewModel slotsVm;
    private String pendingSelection;
    @FXML private ListView<PipelineMonitor> pipelines;
    @FXML private TabPane tabs;
    @FXML private Tab dashboardTab;
    @FXML private Tab slotsTab;
    @FXML private ListView<EventLine> events;
    @FXML private Label alertSummary;

    public MonitorController(MonitorModel model, ConnectionFactory connections, Runnable onBack, String select) {
        this.model = model;
        this.connections = connections;
        this.onBack = onBack;
        this.pendingSelection = select;
        this.dashboard = new DashboardViewModel(model, zone);
        this.slotsVm = new SlotsViewModel(model, connections, zone);
    }

    @FXML
    private void initialize() {
        pipelines.setItems(model.pipelines);
        pipelines.setCellFactory(list -> new PipelineCell());
        pipelines.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            dashboard.show(b);
            if (b != null) {
                model.sourceOf(b).ifPresent(slotsVm.source::set);
            }
        });
        dashboardTab.setContent(Views.load(DashboardController.class, "dashboard.fxml",
                new DashboardController(dashboard, zone, this::openValidation)));
        slotsTab.setContent(Views.load(SlotsController.class, "slots.fxml", new SlotsController(slotsVm, model)));
        events.setItems(model.alerts().events());
        events.setCellFactory(list -> new ListCell<>() {
            {
                // wrap long fixes within the list's width instead of scrolling sideways
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(EventLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("event-warning", "event-critical", "event-info");
                setText(empty || item == null ? null : item.display(zone));
                if (!empty && item != null) {
                    getStyleClass().add(item.severity() == null ? "event-info"
                            : item.severity() == Severity.CRITICAL ? "event-critical" : "event-warning");
                }
            }
        });
        model.ticks.addListener((o, a, b) -> onTick());
        model.pipelines.addListener((javafx.collections.ListChangeListener<PipelineMonitor>) c -> applySelection());
        applySelection();
        onTick();
    }

    /** Selects the named pipeline (null: keep the selection, or the first) once it is listed. */
    public void select(String name) {
        pendingSelection = name;
        applySelection();
    }

    private void applySelection() {
        if (pipelines == null) {
            return;
        }
        if (pendingSelection != null) {
            model.pipeline(pendingSelection).ifPresent(p -> {
                pipelines.getSelectionModel().select(p);
                tabs.getSelectionModel().select(dashboardTab);
                pendingSelection = null;
            });
        }
        if (pipelines.getSelectionModel().getSelectedItem() == null && !model.pipelines.isEmpty() && pendingSelection == null) {
            pipelines.getSelectionModel().select(0);
        }
        if (model.pipelines.isEmpty()) {
            dashboard.show(null);
        }
    }

    private void onTick() {
        pipelines.refresh(); // state colours change without the list changing
        long warnings = model.alerts().active().stream().filter(a -> a.severity() == Severity.WARNING).count();
        long critical = model.alerts().active().size() - warnings;
        alertSummary.getStyleClass().removeAll("alerts-none", "alerts-warning", "alerts-critical");
        alertSummary.getStyleClass().add(critical > 0 ? "alerts-critical" : warnings > 0 ? "alerts-warning" : "alerts-none");
        alertSummary.setText(critical + warnings == 0 ? "✔ no alerts"
                : "⚠ " + (critical > 0 ? critical + " critical" + (warnings > 0 ? ", " : "") : "")
                + (warnings > 0 ? warnings + (warnings == 1 ? " warning" : " warnings") : "") + " — see Events");
    }

    private void openValidation() {
        PipelineMonitor p = dashboard.shown().orElse(null);
        if (p == null) {
            return;
        }
        ValidationViewModel vm = new ValidationViewModel(p.running(), model.tasks(), Clock.systemUTC(), Verifier.Options.DEFAULT);
        Stage stage = new Stage();
        stage.initOwner(pipelines.getScene().getWindow());
        stage.initModality(Modality.NONE);
        stage.setTitle("Validate replication: " + p.name());
        Scene scene = new Scene(Views.load(ValidationController.class, "validation.fxml",
                new ValidationController(vm, p.name(), stage::close)));
        scene.getStylesheets().addAll(pipelines.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        vm.start();
    }

    @FXML
    private void back() {
        onBack.run();
    }

    /** A pipeline in the list: a dot in its state colour, its name, state and slot. */
    private static final class PipelineCell extends ListCell<PipelineMonitor> {
        private final Label dot = new Label("●");
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(8, dot, new VBox(2, name, detail));

        PipelineCell() {
            name.getStyleClass().add("pipeline-name");
            detail.getStyleClass().add("hint");
            dot.getStyleClass().add("health-dot");
        }

        @Override
        protected void updateItem(PipelineMonitor item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            dot.getStyleClass().removeIf(c -> c.startsWith("health-") && !c.equals("health-dot"));
            dot.getStyleClass().add(item.health.get().styleClass());
            name.setText(item.name());
            detail.setText(item.stateText.get() + " · slot " + item.slotName());
            setGraphic(box);
        }
    }
}
