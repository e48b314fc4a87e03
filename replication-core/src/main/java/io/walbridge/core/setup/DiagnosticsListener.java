package io.walbridge.core.setup;

/**
 * Hears about each stage as it starts and finishes, on the thread running the diagnostics; a GUI
 * hands the calls over to its own thread.
 */
@FunctionalInterface
public interface DiagnosticsListener {

    DiagnosticsListener NONE = result -> { };

    void finished(CheckResult result);

    default void started(Stage stage) {
    }
}
