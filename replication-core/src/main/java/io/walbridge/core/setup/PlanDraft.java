package io.walbridge.core.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plan while the planner's steps add to it, in the order the statements will run. */
final class PlanDraft {

    private final List<PlanStatement> statements = new ArrayList<>();
    private final List<PlanNote> notes = new ArrayList<>();
    private Optional<NewLogin> login = Optional.empty();

    void add(PlanStatement statement) {
        statements.add(statement);
    }

    void kept(String text) {
        notes.add(new PlanNote.Kept(text));
    }

    void warn(String text) {
        notes.add(new PlanNote.Warning(text));
    }

    void login(NewLogin newLogin) {
        login = Optional.of(newLogin);
    }

    ReplicationPlan build(SourceFacts server) {
        return new ReplicationPlan(server, statements, notes, login);
    }
}
