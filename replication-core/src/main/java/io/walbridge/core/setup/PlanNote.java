package io.walbridge.core.setup;

/** Something the planner found and reports without a statement: a thing kept as it is, or a warning. */
public sealed interface PlanNote {

    String text();

    /** Already as wanted, left alone: {@code slot "s" exists (pgoutput), kept}. */
    record Kept(String text) implements PlanNote {
    }

    /** Allowed, but the user should know: a table without a primary key, grants that do not follow new tables. */
    record Warning(String text) implements PlanNote {
    }
}
