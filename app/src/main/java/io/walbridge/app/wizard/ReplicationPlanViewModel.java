package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.setup.PlanNote;
import io.walbridge.core.setup.PublicationName;
import io.walbridge.core.setup.ReplicationPlan;
import io.walbridge.core.setup.ReplicationPlanExecutor;
import io.walbridge.core.setup.ReplicationPlanner;
import io.walbridge.core.setup.RoleName;
import io.walbridge.core.setup.EndpointProbe;
import io.walbridge.core.setup.SetupRequest;
import io.walbridge.core.setup.SlotName;
import io.walbridge.core.setup.SlotReset;
import io.walbridge.core.setup.TablePattern;
import io.walbridge.core.setup.TableSelection;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The publication, slot and optional login for the chosen tables: validated names, the SQL shown before
 * anything runs, then the run itself with one log line per statement. An existing slot is only reused or
 * recreated after the user said which.
 */
public final class ReplicationPlanViewModel {

    private final PipelineDraft draft;
    private final Services services;
    public final BooleanProperty createLogin = new SimpleBooleanProperty(false);
    public final StringProperty loginName = new SimpleStringProperty("walbridge");
    public final BooleanProperty replicaIdentityFull = new SimpleBooleanProperty(false);
    public final StringProperty sql = new SimpleStringProperty("");
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    public final ObservableList<String> log = FXCollections.observableArrayList();
    /** The dedicated login's generated password, shown once after the run and forgotten when the step is left. */
    public final StringProperty newPassword = new SimpleStringProperty("");
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final BooleanProperty done = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private SlotQuestion slotQuestion = slot -> SlotQuestion.Answer.CANCEL;

    public ReplicationPlanViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.services = services;
    }

    public void setSlotQuestion(SlotQuestion question) {
        this.slotQuestion = question;
    }

    public static String publicationProblem(String v) {
        return problemOf(PublicationName::new, v);
    }

    public static String slotProblem(String v) {
        return problemOf(SlotName::new, v);
    }

    public static String loginProblem(String v) {
        return problemOf(RoleName::new, v);
    }

    private static String problemOf(Function<String, ?> parse, String v) {
        try {
            parse.apply(v);
            return null;
        } catch (UserFacingException e) {
            return e.problem() + " (" + e.fix() + ")";
        }
    }

    /** What is missing before a plan can be made; null when nothing is. */
    public String inputProblem() {
        if (draft.tables.isEmpty()) {
            return "choose at least one table";
        }
        String p = publicationProblem(draft.publication.get());
        if (p == null) {
            p = slotProblem(draft.slot.get());
        }
        if (p == null && createLogin.get()) {
            p = loginProblem(loginName.get());
        }
        return p;
    }

    SetupRequest request() {
        String p = inputProblem();
        if (p != null) {
            throw new UserFacingException("the replication setup is not complete", p);
        }
        TableSelection tables = new TableSelection(draft.tables.stream()
                .<TablePattern>map(TablePattern.ExactTable::new).toList());
        return new SetupRequest(new PublicationName(draft.publication.get()), new SlotName(draft.slot.get()), tables,
                createLogin.get() ? Optional.of(new RoleName(loginName.get())) : Optional.empty(),
                replicaIdentityFull.get());
    }

    /** Plans against the server (read-only) and shows the SQL that Run would execute. */
    public void preview() {
        start((request, endpoint) -> {
            try (Connection c = connect(endpoint)) {
                return new Planned(new ReplicationPlanner().plan(c, request), SlotReset.exists(c, request.slot()));
            }
        }, planned -> {
            running.set(false);
            show(planned.plan());
        });
    }

    /** Plans, asks about an existing slot, then runs statement by statement. */
    public void run() {
        start((request, endpoint) -> {
            try (Connection c = connect(endpoint)) {
                return new Planned(null, SlotReset.exists(c, request.slot()));
            }
        }, found -> {
            running.set(false);
            SlotQuestion.Answer answer = found.slotExists()
                    ? slotQuestion.existingSlot(draft.slot.get()) : SlotQuestion.Answer.REUSE;
            if (answer == SlotQuestion.Answer.CANCEL) {
                log.add("nothing was run: slot " + draft.slot.get() + " already exists and no choice was made");
                return;
            }
            execute(answer == SlotQuestion.Answer.RECREATE);
        });
    }

    private void execute(boolean recreateSlot) {
        log.clear();
        start((request, endpoint) -> {
            try (Connection c = connect(endpoint)) {
                if (recreateSlot) {
                    SlotReset.drop(c, request.slot());
                    services.tasks().onUi(() -> log.add("✔ dropped slot " + request.slot().value() + " (confirmed)"));
                }
                ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
                services.tasks().onUi(() -> show(plan));
                new ReplicationPlanExecutor(result -> services.tasks().onUi(() -> log.add(StepLine.of(result))))
                        .execute(c, plan);
                return new Planned(plan, true);
            }
        }, planned -> {
            running.set(false);
            finished(planned.plan());
        });
    }

    private void finished(ReplicationPlan plan) {
        plan.notes().stream().filter(PlanNote.Kept.class::isInstance).forEach(n -> log.add("= " + n.text()));
        if (plan.isEmpty()) {
            log.add("nothing to change: everything already matches");
        }
        plan.login().ifPresent(login -> {
            newPassword.set(login.password().value());
            draft.source.user.set(login.role().value());
            draft.source.password.set(login.password().value());
            log.add("the pipeline will log in as " + login.role().value() + " (only REPLICATION and SELECT)");
        });
        done.set(true);
    }

    private void show(ReplicationPlan plan) {
        sql.set(plan.sqlScript());
        notes.setAll(plan.notes().stream().map(n -> (n instanceof PlanNote.Warning ? "warning: " : "") + n.text()).toList());
    }

    /** Writes the previewed SQL to a file a DBA can review and run with psql. */
    public void saveSql(Path file) {
        String text = sql.get();
        services.tasks().run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                written -> log.add("saved the SQL to " + written), e -> problem.set(Problem.of(e)));
    }

    /** Called when the step is left: the generated password is shown only once. */
    public void forgetShownPassword() {
        newPassword.set("");
    }

    private record Planned(ReplicationPlan plan, boolean slotExists) {
    }

    @FunctionalInterface
    private interface Work {
        Planned on(SetupRequest request, PgEndpoint endpoint) throws SQLException;
    }

    private void start(Work work, java.util.function.Consumer<Planned> then) {
        if (running.get()) {
            return;
        }
        problem.set(null);
        SetupRequest request;
        PgEndpoint endpoint;
        try {
            request = request();
            endpoint = draft.source.toEndpoint();
        } catch (UserFacingException e) {
            problem.set(Problem.of(e));
            return;
        }
        running.set(true);
        done.set(false);
        services.tasks().run(() -> work.on(request, endpoint), then, e -> {
            running.set(false);
            problem.set(Problem.of(e, endpoint.password()));
        });
    }

    private Connection connect(PgEndpoint endpoint) {
        try {
            return services.connections().open(endpoint);
        } catch (SQLException e) {
            throw EndpointProbe.explain(null, e, endpoint);
        }
    }
}
