package io.walbridge.core.setup;

/** Told about each statement as the executor finishes it, on the executor's thread. */
@FunctionalInterface
public interface PlanListener {

    PlanListener IGNORE = result -> { };

    void onResult(StepResult result);
}
