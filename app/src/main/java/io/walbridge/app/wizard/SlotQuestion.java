package io.walbridge.app.wizard;

/** Asks the user what to do with a slot that already exists; the view answers with a dialog, tests with a value. */
@FunctionalInterface
public interface SlotQuestion {

    /** The user's answer. */
    enum Answer {
        /** Keep the slot: streaming resumes where its last reader left off. */
        REUSE,
        /** Drop and create it: changes it still holds for its reader are lost. */
        RECREATE,
        /** Run nothing. */
        CANCEL
    }

    Answer existingSlot(String slot);
}
