package io.walbridge.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs view-model work away from the UI thread and hands the outcome back to it. The GUI runs each piece of
 * work as a {@code javafx.concurrent.Task}; view-model tests swap in a same-thread runner, so they are
 * deterministic and need no screen.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. A
     * cancelled run calls neither.
     */
    <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs an action on the UI thread: at once when already there, else as soon as it is free. */
    void onUi(Runnable action);

    /** A handle on work in progress. */
    @FunctionalInterface
    interface Running {
        Running DONE = () -> { };

        /** Interrupts the work; blocking network calls also need their own cancellation, which callers add. */
        void cancel();
    }
}
