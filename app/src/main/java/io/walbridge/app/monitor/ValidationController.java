package io.walbridge.app.monitor;

import io.walbridge.app.common.ProblemText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The Validate replication window: progress, Cancel, and one row per table as it is compared. */
public final class ValidationController {

    private final ValidationViewModel vm;
    private final String pipeline;
    private final Runnable onClose;
    @FXML private Label title;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label problem;
    @FXML private TableView<ValidationRow> rows;
    @FXML private Button startButton;
    @FXML private Button cancelButton;

    public ValidationController(ValidationViewModel vm, String pipeline, Runnable onClose) {
        this.vm = vm;
        this.pipeline = pipeline;
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        title.setText("Validate replication: " + pipeline);
        progress.progressProperty().bind(vm.progress);
        status.textProperty().bind(vm.status);
        ProblemText.bind(problem, vm.problem);
        rows.getColumns().setAll(List.of(column("Table", 220, ValidationRow::table), column("Result", 70, ValidationRow::outcome),
                column("Details", 580, ValidationRow::detail)));
        rows.setItems(vm.rows);
        rows.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ValidationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("validation-ok", "validation-diff");
                if (!empty && item != null) {
                    getStyleClass().add(item.ok() ? "validation-ok" : "validation-diff");
                }
            }
        });
        startButton.disableProperty().bind(vm.running);
        cancelButton.disableProperty().bind(vm.running.not());
    }

    private static TableColumn<ValidationRow, String> column(String title, double width, Function<ValidationRow, String> value) {
        TableColumn<ValidationRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void start() {
        vm.start();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void close() {
        vm.cancel();
        onClose.run();
    }
}
