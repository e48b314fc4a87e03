package io.walbridge.core.setup;

import io.walbridge.core.setup.PlanStatement.CreateSlot;
import io.walbridge.core.setup.PlanStatement.Ddl;

import java.util.List;
import java.util.Optional;

/**
 * The statements that bring the source to what was requested, in order, with what was found and kept.
 * Inspected first ({@link ReplicationPlanner}), previewed ({@link #sqlScript()}), then run
 * ({@link ReplicationPlanExecutor}). Empty when everything already matches.
 */
public record ReplicationPlan(SourceFacts server, List<PlanStatement> statements, List<PlanNote> notes,
                             Optional<NewLogin> login) {

    public ReplicationPlan {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statements that run together in one transaction. */
    public List<Ddl> transactional() {
        return statements.stream().filter(Ddl.class::isInstance).map(Ddl.class::cast).toList();
    }

    /** The slot creation, when the slot is missing. */
    public Optional<CreateSlot> slotCreation() {
        return statements.stream().filter(CreateSlot.class::isInstance).map(CreateSlot.class::cast).findFirst();
    }

    /** A commented .sql script of the whole plan, runnable with {@code psql -v ON_ERROR_STOP=1 -f}. */
    public String sqlScript() {
        return SqlScript.render(this);
    }
}
