package io.walbridge.app;

import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Services;
import io.walbridge.core.config.ConfigFolder;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.setup.ConnectionFactory;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: the start screen, the setup wizard, and the status of a started pipeline. */
public final class WalBridgeApp extends Application {

    private AppWindow window;

    @Override
    public void start(Stage stage) {
        Path folder = ConfigFolder.current();
        Services services = new Services(new FxTaskRunner(), ConnectionFactory.PGJDBC, new PipelineStore(folder),
                new FileSecretStore(folder.resolve("secrets.properties")), new InProcessEngine());
        window = new AppWindow(stage, services, folder);
        window.showStart();
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
