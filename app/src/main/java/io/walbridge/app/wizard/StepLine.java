package io.walbridge.app.wizard;

import io.walbridge.core.setup.StepResult;

/** One line of the setup run's log for a statement's outcome. */
final class StepLine {

    private StepLine() {
    }

    static String of(StepResult result) {
        if (result instanceof StepResult.Done d) {
            return "✔ " + d.outcome();
        }
        if (result instanceof StepResult.Failed f) {
            return "✖ " + f.statement().purpose() + ": " + f.reason();
        }
        return "↺ undone: " + result.statement().purpose();
    }
}
