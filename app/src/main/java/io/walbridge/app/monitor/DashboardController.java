package io.walbridge.app.monitor;

import io.walbridge.app.common.ProblemText;
import io.walbridge.core.change.TableId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/** The selected pipeline's dashboard: binds the view-model, builds the charts, asks before acting on data. */
public final class DashboardController {

    private final DashboardViewModel vm;
    private final ZoneId zone;
    private final Runnable openValidation;
    @FXML private Label name;
    @FXML private Label state;
    @FXML private Label phase;
    @FXML private Label failure;
    @FXML private Label problem;
    @FXML private Label changesPerSecond;
    @FXML private Label bytesPerSecond;
    @FXML private Label retained;
    @FXML private Label walStatus;
    @FXML private Label lag;
    @FXML private Label latency;
    @FXML private Label totals;
    @FXML private VBox copies;
    @FXML private ChoiceBox<ChartRange> range;
    @FXML private Slider hoursBack;
    @FXML private Label hoursBackText;
    @FXML private Label chartNote;
    @FXML private GridPane charts;
    @FXML private TableView<TableFigures> tables;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Button restartButton;
    @FXML private Button validateButton;
    @FXML private Button forgetButton;
    @FXML private Button resnapshotButton;

    public DashboardController(DashboardViewModel vm, ZoneId zone, Runnable openValidation) {
        this.vm = vm;
        this.zone = zone;
        this.openValidation = openValidation;
    }

    @FXML
    private void initialize() {
        name.textProperty().bind(vm.name);
        state.textProperty().bind(vm.state);
        vm.state.addListener((o, a, b) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-is-"));
            state.getStyleClass().add("state-is-" + b);
        });
        phase.textProperty().bind(vm.phase);
        ProblemText.bind(failure, vm.failure);
        ProblemText.bind(problem, vm.problem);
        changesPerSecond.textProperty().bind(vm.changesPerSecond);
        bytesPerSecond.textProperty().bind(vm.bytesPerSecond);
        retained.textProperty().bind(vm.retained);
        walStatus.textProperty().bind(vm.walStatus);
        lag.textProperty().bind(vm.lag);
        latency.textProperty().bind(vm.latency);
        totals.textProperty().bind(vm.totals);
        pauseButton.disableProperty().bind(vm.canPause.not());
        resumeButton.disableProperty().bind(vm.canResume.not());
        stopButton.disableProperty().bind(vm.canStop.not());
        restartButton.disableProperty().bind(vm.canRestart.not());
        forgetButton.visibleProperty().bind(vm.canStop.not());
        forgetButton.managedProperty().bind(forgetButton.visibleProperty());
        vm.copies.addListener((ListChangeListener<CopyProgress>) c -> showCopies());
        range.getItems().setAll(ChartRange.values());
        range.valueProperty().bindBidirectional(vm.charts.range);
        hoursBack.valueProperty().bindBidirectional(vm.charts.hoursBack);
        hoursBack.setBlockIncrement(0.25);
        hoursBackText.textProperty().bind(Bindings.createStringBinding(() -> vm.charts.hoursBack.get() <= 0 ? "ending now"
                : String.format(Locale.ROOT, "ending %.1f h ago", vm.charts.hoursBack.get()), vm.charts.hoursBack));
        chartNote.textProperty().bind(vm.charts.note);
        buildCharts();
        buildTable();
        resnapshotButton.disableProperty().bind(tables.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.canStop.not()));
    }

    private void buildCharts() {
        ChartsViewModel c = vm.charts;
        charts.add(LiveChart.create("Changes per second", YUnit.PER_SECOND, c.lowerBound, c.upperBound, zone,
                new LiveChart.Line("read from the source", c.changesRead),
                new LiveChart.Line("applied to the destination", c.changesApplied)), 0, 0);
        charts.add(LiveChart.create("Throughput", YUnit.BYTES_PER_SECOND, c.lowerBound, c.upperBound, zone,
                new LiveChart.Line("read (pgoutput)", c.bytesRead),
                new LiveChart.Line("applied (row data)", c.bytesApplied)), 1, 0);
        javafx.scene.chart.LineChart<Number, Number> retention = LiveChart.create("WAL retained by the slot", YUnit.BYTES,
                c.lowerBound, c.upperBound, zone, new LiveChart.Line("retained", c.retained),
                new LiveChart.Line("max_slot_wal_keep_size", c.keepLimit));
        retention.getStyleClass().add("retention-chart");
        charts.add(retention, 0, 1);
        charts.add(LiveChart.create("Slot lag: WAL not confirmed", YUnit.BYTES, c.lowerBound, c.upperBound, zone,
                new LiveChart.Line("not confirmed", c.lagBytes)), 1, 1);
        charts.add(LiveChart.create("Time behind the source", YUnit.SECONDS, c.lowerBound, c.upperBound, zone,
                new LiveChart.Line("behind", c.secondsBehind)), 0, 2);
        charts.add(LiveChart.create("Apply latency (source commit → destination commit)", YUnit.MILLIS, c.lowerBound,
                c.upperBound, zone, new LiveChart.Line("p50", c.p50), new LiveChart.Line("p99", c.p99)), 1, 2);
    }

    private void buildTable() {
        tables.getColumns().setAll(java.util.List.of(
                column("Table", 220, t -> t.table().toString()),
                number(column("Inserts", 90, t -> FigureText.count(t.inserts()))),
                number(column("Updates", 90, t -> FigureText.count(t.updates()))),
                number(column("Deletes", 90, t -> FigureText.count(t.deletes()))),
                column("Last change", 200, TableFigures::lastChange),
                number(column("Errors", 70, t -> FigureText.count(t.errors()))),
                column("Initial copy", 200, TableFigures::copy)));
        tables.setItems(vm.tables);
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <T> TableColumn<TableFigures, T> column(String title, double width, Function<TableFigures, T> value) {
        TableColumn<TableFigures, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<TableFigures, T> number(TableColumn<TableFigures, T> c) {
        c.getStyleClass().add("number-cell");
        return c;
    }

    private void showCopies() {
        copies.getChildren().clear();
        for (CopyProgress p : vm.copies) {
            ProgressBar bar = new ProgressBar(p.fraction());
            bar.setPrefWidth(260);
            Label table = new Label(p.table());
            table.setMinWidth(200);
            HBox row = new HBox(10, table, bar, new Label(p.detail()));
            row.getStyleClass().add("copy-row");
            copies.getChildren().add(row);
        }
    }

    @FXML
    private void pause() {
        vm.pause();
    }

    @FXML
    private void resume() {
        vm.resume();
    }

    @FXML
    private void stop() {
        if (Confirm.ask(stopButton, "Stop pipeline", vm.stopConfirmation(), "Stop pipeline")) {
            vm.stop();
        }
    }

    @FXML
    private void restart() {
        if (Confirm.ask(restartButton, "Restart pipeline", vm.restartConfirmation(), "Restart pipeline")) {
            vm.restart();
        }
    }

    @FXML
    private void resnapshot() {
        TableFigures row = tables.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        TableId t = row.table();
        if (Confirm.ask(resnapshotButton, "Copy table again", vm.resnapshotConfirmation(t), "Empty and copy again")) {
            vm.resnapshot(t);
        }
    }

    @FXML
    private void validate() {
        openValidation.run();
    }

    @FXML
    private void forget() {
        vm.forget();
    }
}
