package io.walbridge.core.setup;

/** What happened to one statement of a plan while it ran. */
public sealed interface StepResult {

    PlanStatement statement();

    /** It ran; {@code outcome} is the line to show, e.g. {@code created slot "s" (pgoutput) at LSN 0/1A2B3C8}. */
    record Done(PlanStatement statement, String outcome) implements StepResult {
    }

    /** It failed; nothing after it ran. */
    record Failed(PlanStatement statement, String reason) implements StepResult {
    }

    /** It had run, and was reversed because a later step (the slot) failed. */
    record Undone(PlanStatement statement) implements StepResult {
    }
}
