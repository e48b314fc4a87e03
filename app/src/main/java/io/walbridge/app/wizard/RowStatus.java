package io.walbridge.app.wizard;

import io.walbridge.core.setup.Status;

/** A checklist row's state: a stage's {@link Status} once known, or where it is before that. */
public enum RowStatus {
    PENDING("·", "not run yet"),
    RUNNING("…", "running"),
    PASSED("✔", "passed"),
    WARNING("!", "warning"),
    FAILED("✖", "failed"),
    SKIPPED("–", "skipped");

    private final String icon;
    private final String words;

    RowStatus(String icon, String words) {
        this.icon = icon;
        this.words = words;
    }

    public static RowStatus of(Status status) {
        return switch (status) {
            case PASSED -> PASSED;
            case WARNING -> WARNING;
            case FAILED -> FAILED;
            case SKIPPED -> SKIPPED;
        };
    }

    /** A symbol for the row's icon; colour comes from the style class, so meaning never rests on colour alone. */
    public String icon() {
        return icon;
    }

    public String words() {
        return words;
    }

    /** The CSS class of the row, e.g. {@code status-failed}. */
    public String styleClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
