package io.walbridge.app;

import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Services;
import io.walbridge.core.config.ConfigFolder;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.config.SecretStores;
import io.walbridge.core.setup.ConnectionFactory;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: the start screen, the setup wizard, and the status of a started pipeline. */
public final class WalBridgeApp extends Application {

    private AppWindow window;
    private Path folder;
    private SecretStore secrets;

    /** Runs on the launcher thread, before any window: probing the keyring starts a process and may wait for it. */
    @Override
    public void init() {
        folder = ConfigFolder.current();
        secrets = SecretStores.forThisMachine(folder).store();
    }

    @Override
    public void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), ConnectionFactory.PGJDBC, new PipelineStore(folder),
                secrets, new InProcessEngine());
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
