package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Severity;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Desktop notifications with ControlsFX, in the corner of the app's window; must be called on the UI thread. */
public final class DesktopNotifier implements Notifier {

    private final Window owner;

    public DesktopNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void show(Severity severity, String title, String text) {
        if (owner == null || !owner.isShowing()) {
            return; // ControlsFX needs a shown window to anchor to
        }
        Notifications n = Notifications.create().owner(owner).title(title).text(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(severity == Severity.CRITICAL ? 30 : 10));
        if (severity == null) {
            n.showInformation();
        } else if (severity == Severity.CRITICAL) {
            n.showError();
        } else {
            n.showWarning();
        }
    }
}
