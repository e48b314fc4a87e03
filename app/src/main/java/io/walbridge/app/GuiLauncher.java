package io.walbridge.app;

import javafx.application.Application;

/** Starts the JavaFX GUI, or explains why it cannot (no display) without a stack trace. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(String[] args) {
        try {
            Application.launch(WalBridgeApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("error: the WalBridge window could not open (" + firstLine(e) + ").");
            System.err.println("fix: run it on a desktop session (DISPLAY set), or use the command line: "
                    + "java -jar walbridge.jar --help");
            System.exit(1);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
