package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableSet;

/**
 * One chosen table in the BigQuery destination's list: written append-only (one row per change) or as current rows.
 * The marks live in the form's set; a table without a primary key is append-only whatever is marked.
 */
public final class AppendOnlyRow {

    private final TableId table;
    private final boolean keyless;
    private final ObservableSet<TableId> marked;
    /** Whether BigQuery gets one row per change for this table. */
    public final BooleanBinding appendOnly;
    /** How the table is written, in a few words, for beside the check box. */
    public final StringBinding note;

    public AppendOnlyRow(TableId table, boolean keyless, ObservableSet<TableId> marked) {
        this.table = table;
        this.keyless = keyless;
        this.marked = marked;
        this.appendOnly = Bindings.createBooleanBinding(() -> keyless || marked.contains(table), marked);
        this.note = Bindings.createStringBinding(() -> keyless
                ? "no primary key: always append-only, one row per change"
                : appendOnly.get() ? "append-only: one row per change, history kept"
                : "current rows: updated and deleted by primary key", appendOnly);
    }

    public TableId table() {
        return table;
    }

    /** A table without a primary key cannot be kept as current rows, so its mark cannot be taken away. */
    public boolean locked() {
        return keyless;
    }

    /** Marks or unmarks the table; refused (left append-only) for a table without a primary key. */
    public void mark(boolean on) {
        if (keyless) {
            return;
        }
        if (on) {
            marked.add(table);
        } else {
            marked.remove(table);
        }
    }
}
