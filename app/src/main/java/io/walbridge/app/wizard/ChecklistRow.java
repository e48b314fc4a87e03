package io.walbridge.app.wizard;

import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One stage of a connection test as a checklist row: status, summary, and the cause and fix when it is not fine. */
public final class ChecklistRow {

    private final Stage stage;
    private final ReadOnlyStringWrapper title;
    public final ObjectProperty<RowStatus> status = new SimpleObjectProperty<>(RowStatus.PENDING);
    public final StringProperty summary = new SimpleStringProperty("");
    public final StringProperty cause = new SimpleStringProperty("");
    public final StringProperty fix = new SimpleStringProperty("");

    public ChecklistRow(Stage stage) {
        this.stage = stage;
        this.title = new ReadOnlyStringWrapper(stage.title());
    }

    public Stage stage() {
        return stage;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    void reset() {
        status.set(RowStatus.PENDING);
        summary.set("");
        cause.set("");
        fix.set("");
    }

    void started() {
        status.set(RowStatus.RUNNING);
    }

    void finished(CheckResult result) {
        status.set(RowStatus.of(result.status()));
        summary.set(result.summary());
        // cause and fix matter only when something is wrong; a passed stage's detail would crowd the list
        boolean notFine = result.status() == io.walbridge.core.setup.Status.FAILED
                || result.status() == io.walbridge.core.setup.Status.WARNING;
        cause.set(notFine ? result.detail() : "");
        fix.set(notFine ? result.fix() : "");
    }

    /** Everything the row says, one text, for a tooltip or a copy. */
    public String text() {
        StringBuilder sb = new StringBuilder(status.get().words()).append(": ").append(summary.get());
        if (!cause.get().isEmpty()) {
            sb.append("\nCause: ").append(cause.get());
        }
        if (!fix.get().isEmpty()) {
            sb.append("\nFix: ").append(fix.get());
        }
        return sb.toString();
    }
}
