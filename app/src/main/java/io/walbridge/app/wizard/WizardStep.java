package io.walbridge.app.wizard;

import javafx.beans.value.ObservableStringValue;

/** One page of the wizard, as the wizard's frame sees it. */
public interface WizardStep {

    /** The step's name in the list of steps, e.g. "Source". */
    String title();

    /**
     * Why Next is not possible yet, as a sentence the frame shows next to the button; empty when it is.
     * Back is always possible and keeps what was entered.
     */
    ObservableStringValue blocker();

    /** A step that does not apply to what was chosen so far (the destination of a handed-off source) is passed over. */
    default boolean skipped() {
        return false;
    }

    /** Called each time the step is shown: a step that looks things up on the server refreshes here. */
    default void entered() {
    }

    /** Called when the user moves on or back: a step forgets here what may be shown only once. */
    default void left() {
    }
}
