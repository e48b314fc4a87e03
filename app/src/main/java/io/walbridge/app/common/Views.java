package io.walbridge.app.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads an FXML view with a controller made by the caller, so controllers can take their view-model in a constructor. */
public final class Views {

    private Views() {
    }

    public static Parent load(Class<?> owner, String fxml, Object controller) {
        URL url = owner.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing view " + fxml + " next to " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("view " + fxml + " cannot be loaded", e);
        }
    }
}
