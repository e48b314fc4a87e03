package io.walbridge.app;

import io.walbridge.app.cli.WalBridgeCommand;

/**
 * Entry point of {@code walbridge.jar}: with a command it runs the headless CLI, without one it opens
 * the GUI. It does not extend {@code javafx.application.Application}, so the shaded jar starts on a
 * plain JDK without JavaFX on the module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            GuiLauncher.launch(args);
            return;
        }
        System.exit(WalBridgeCommand.execute(args));
    }
}
