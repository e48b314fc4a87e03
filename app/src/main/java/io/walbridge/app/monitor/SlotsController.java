package io.walbridge.app.monitor;

import io.walbridge.app.common.ProblemText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.function.Function;

/** The all-slots view: binds the view-model; dropping asks for the slot's name in a dialog. */
public final class SlotsController {

    private final SlotsViewModel vm;
    private final MonitorModel model;
    @FXML private ChoiceBox<SourceWatch> source;
    @FXML private TextField url;
    @FXML private Button watchButton;
    @FXML private Label summary;
    @FXML private Label problem;
    @FXML private Label sourceProblem;
    @FXML private TableView<SlotRow> slots;
    @FXML private Button dropButton;
    @FXML private Label details;
    @FXML private TextField maxRetained;
    @FXML private TextField maxShare;
    @FXML private TextField maxLag;
    @FXML private TextField maxInactive;
    @FXML private Button limitsButton;

    public SlotsController(SlotsViewModel vm, MonitorModel model) {
        this.vm = vm;
        this.model = model;
    }

    @FXML
    private void initialize() {
        source.setItems(model.sources);
        source.valueProperty().bindBidirectional(vm.source);
        url.textProperty().bindBidirectional(vm.url);
        url.setOnAction(e -> watch());
        watchButton.disableProperty().bind(vm.url.isEmpty());
        summary.textProperty().bind(vm.summary);
        maxRetained.textProperty().bindBidirectional(vm.maxRetained);
        maxShare.textProperty().bindBidirectional(vm.maxSharePercent);
        maxLag.textProperty().bindBidirectional(vm.maxLag);
        maxInactive.textProperty().bindBidirectional(vm.maxInactive);
        limitsButton.disableProperty().bind(vm.source.isNull());
        details.visibleProperty().bind(details.textProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        ProblemText.bind(problem, vm.problem);
        ProblemText.bind(sourceProblem, vm.sourceProblem);
        slots.getColumns().setAll(List.of(
                column("Slot", 165, r -> (r.alerts().isEmpty() ? "" : "⚠ ") + r.name()),
                column("Plugin", 70, SlotRow::plugin),
                column("Type", 60, SlotRow::type),
                column("Database", 90, SlotRow::database),
                column("Consumer", 230, SlotRow::consumer),
                column("Retained WAL", 95, SlotRow::retained),
                column("Lag", 75, SlotRow::lag),
                column("wal_status", 80, SlotRow::walStatus),
                column("safe_wal_size", 95, SlotRow::safeWalSize),
                column("Inactive since", 160, SlotRow::inactiveSince)));
        slots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            SlotRow r = slots.getSelectionModel().getSelectedItem();
            return r == null ? "" : r.alerts().isEmpty() ? "slot " + r.name() + ": no alert" : r.alerts();
        }, slots.getSelectionModel().selectedItemProperty(), vm.rows));
        slots.setItems(vm.rows);
        slots.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SlotRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("slot-flagged", "slot-alerting");
                setTooltip(null);
                if (!empty && item != null) {
                    if (item.flagged()) {
                        getStyleClass().add("slot-flagged");
                    } else if (!item.alerts().isEmpty()) {
                        getStyleClass().add("slot-alerting");
                    }
                    if (!item.alerts().isEmpty()) {
                        setTooltip(new Tooltip(item.alerts()));
                    }
                }
            }
        });
        dropButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SlotRow r = slots.getSelectionModel().getSelectedItem();
            return r == null || r.active() || vm.dropping.get();
        }, slots.getSelectionModel().selectedItemProperty(), vm.dropping));
        vm.refresh();
    }

    private static TableColumn<SlotRow, String> column(String title, double width, Function<SlotRow, String> value) {
        TableColumn<SlotRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void applyLimits() {
        vm.applyLimits();
    }

    @FXML
    private void watch() {
        vm.watchUrl();
    }

    @FXML
    private void drop() {
        SlotRow row = slots.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Drop replication slot");
        dialog.setHeaderText(vm.dropConfirmation(row));
        dialog.setContentText("Slot name:");
        dialog.initOwner(slots.getScene().getWindow());
        dialog.getDialogPane().setMinWidth(560);
        dialog.showAndWait().ifPresent(typed -> vm.drop(row, typed));
    }
}
