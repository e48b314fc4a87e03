package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Severity;

/** Shows a desktop notification; the app uses ControlsFX, tests record what would have been shown. */
@FunctionalInterface
public interface Notifier {

    /** @param severity null for a notice that something cleared */
    void show(Severity severity, String title, String text);
}
