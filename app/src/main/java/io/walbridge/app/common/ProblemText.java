package io.walbridge.app.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a view-model's problem (cause and fix) in a label that is present only while there is one. */
public final class ProblemText {

    private ProblemText() {
    }

    public static void bind(Label label, ObservableValue<Problem> problem) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> problem.getValue() == null ? "" : problem.getValue().text(), problem));
        label.visibleProperty().bind(problem.map(p -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        label.setWrapText(true);
        label.getStyleClass().add("problem");
    }

    /** The same for plain text: a label shown only while the text is not empty. */
    public static void bindText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.map(t -> !t.isEmpty()).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        label.setWrapText(true);
    }
}
