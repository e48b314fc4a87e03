package io.walbridge.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** The connection test as a checklist: one row per stage, its icon and colour from the stage's status. */
public final class ChecklistView extends VBox {

    public ChecklistView(List<ChecklistRow> rows) {
        getStyleClass().add("checklist");
        setSpacing(2);
        rows.forEach(r -> getChildren().add(row(r)));
    }

    private static GridPane row(ChecklistRow r) {
        Label icon = new Label();
        icon.textProperty().bind(r.status.map(RowStatus::icon));
        icon.getStyleClass().add("check-icon");
        icon.setMinWidth(22);
        Label title = new Label();
        title.textProperty().bind(r.title());
        title.getStyleClass().add("check-title");
        title.setMinWidth(250);
        Label summary = new Label();
        summary.textProperty().bind(r.summary);
        summary.setWrapText(true);
        Label cause = detail(Bindings.createStringBinding(() -> r.cause.get().isEmpty() ? "" : "Cause: " + r.cause.get(),
                r.cause));
        Label fix = detail(Bindings.createStringBinding(() -> r.fix.get().isEmpty() ? "" : "Fix: " + r.fix.get(), r.fix));
        fix.getStyleClass().add("check-fix");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setPadding(new Insets(3, 6, 3, 6));
        grid.add(icon, 0, 0);
        grid.add(title, 1, 0);
        grid.add(summary, 2, 0);
        grid.add(cause, 2, 1);
        grid.add(fix, 2, 2);
        grid.getStyleClass().add("check-row");
        r.status.addListener((obs, old, now) -> {
            grid.getStyleClass().remove(old.styleClass());
            grid.getStyleClass().add(now.styleClass());
        });
        grid.getStyleClass().add(r.status.get().styleClass());
        // the status in words too, for screen readers and for colour-blind users
        grid.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> r.title().get() + ": " + r.text(), r.status, r.summary, r.cause, r.fix));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(grid.accessibleTextProperty());
        Tooltip.install(grid, tip);
        return grid;
    }

    private static Label detail(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add("check-detail");
        l.visibleProperty().bind(text.map(t -> !t.isEmpty()));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
