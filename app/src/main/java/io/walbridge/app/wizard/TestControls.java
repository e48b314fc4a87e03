package io.walbridge.app.wizard;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** The buttons and progress of a connection test, wired the same way wherever one appears. */
final class TestControls {

    private TestControls() {
    }

    static void bind(ConnectionTestViewModel test, Button start, Button cancel, ProgressIndicator progress, Label outcome) {
        start.disableProperty().bind(test.running);
        cancel.visibleProperty().bind(test.running);
        cancel.managedProperty().bind(test.running);
        progress.visibleProperty().bind(test.running);
        progress.managedProperty().bind(test.running);
        outcome.textProperty().bind(test.outcome);
    }
}
