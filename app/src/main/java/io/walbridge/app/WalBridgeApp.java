package io.walbridge.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The JavaFX application: opens the start screen. */
public final class WalBridgeApp extends Application {

    @Override
    public void start(Stage stage) {
        Label title = new Label("WalBridge " + Version.current());
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label("""
                The setup wizard and the monitor are not part of this build yet.
                The replication engine runs from the command line:
                  java -jar walbridge.jar setup --source URL --publication NAME --slot NAME
                  java -jar walbridge.jar run --source URL --target URL --publication NAME --slot NAME""");
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle("WalBridge");
        stage.setScene(new Scene(root, 720, 240));
        stage.show();
    }
}
