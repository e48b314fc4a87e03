package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.app.common.TlsWarning;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.HandoffEngine;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Step 6: what was chosen, then Save (the pipeline as JSON in the settings folder, passwords apart in the desktop
 * keyring or the private secrets file) and Start (the engine in this process; the status view takes over).
 */
public final class ReviewStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final Services services;
    public final StringProperty summary = new SimpleStringProperty("");
    public final StringProperty savedTo = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** Set once Start has started the engine; the frame then opens the status view. */
    public final ObjectProperty<Pipeline> started = new SimpleObjectProperty<>();
    private final ObservableStringValue blocker;
    /** Start runs the engine in this process: only for a pipeline this app reads. */
    public final javafx.beans.binding.BooleanBinding startable;

    public ReviewStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.services = services;
        this.blocker = Bindings.createStringBinding(() -> {
            String p = SavedPipeline.nameProblem(draft.name.get());
            return p == null ? "" : "pipeline name: " + p;
        }, draft.name);
        this.startable = draft.engine.isEqualTo(HandoffEngine.IN_APP);
    }

    public StringProperty name() {
        return draft.name;
    }

    public static String nameProblem(String v) {
        return SavedPipeline.nameProblem(v);
    }

    @Override
    public void entered() {
        if (draft.name.get() == null || draft.name.get().isBlank()) {
            draft.name.set(draft.slot.get());
        }
        summary.set(describe());
    }

    private String describe() {
        String tables = draft.tables.stream().map(TableId::toString).collect(Collectors.joining(", "));
        String common = "Source:       " + draft.source.display() + "\n"
                + "Tables:       " + draft.tables.size() + " (" + tables + ")\n"
                + "Publication:  " + draft.publication.get() + "\n"
                + "Slot:         " + draft.slot.get() + " (pgoutput)\n";
        String passwords = "Passwords:    kept apart from the pipeline file, in " + services.secrets().where();
        return switch (draft.engine.get()) {
            case IN_APP -> common
                    + "Destination:  " + draft.destinationKind.get() + " "
                    + (draft.destinationKind.get() == DestinationKind.BIGQUERY ? draft.bigQuery.display() + "\n"
                            + bigQueryChoices() : draft.destination.display() + "\n")
                    + "First run:    copies the tables' current rows, then streams every committed change\n" + passwords
                    + tlsWarnings();
            case DEBEZIUM -> common
                    + "Engine:       Debezium on Kafka Connect, connector " + draft.debezium.connectorName.get() + " at "
                    + draft.debezium.connectUrl.get() + ", topics " + draft.debezium.topicPrefix.get() + ".<schema>.<table>\n"
                    + "Here:         Save keeps the hand-off so the monitor names the slot's engine; Start is for"
                    + " pipelines this app runs\n" + passwords + tlsWarnings();
            case DATASTREAM -> common
                    + "Engine:       Google Datastream, stream " + draft.datastream.streamId.get() + " in project "
                    + draft.datastream.project.get() + " (" + draft.datastream.region.get() + ")\n"
                    + "Here:         Save keeps the hand-off so the monitor names the slot's engine; Start is for"
                    + " pipelines this app runs\n" + passwords + tlsWarnings();
        };
    }

    /** Which tables get one row per change, and what a value BigQuery cannot hold does. */
    private String bigQueryChoices() {
        List<TableId> appendOnly = draft.appendOnlyTables();
        String tables = appendOnly.isEmpty() ? "none: every table keeps its current rows, by primary key"
                : appendOnly.stream().map(t -> t + (draft.withoutPrimaryKey.contains(t) ? " (no primary key)" : ""))
                        .collect(Collectors.joining(", ")) + "; one row per change";
        String values = draft.bigQuery.unrepresentable.get() == ValuePolicy.NULL
                ? "a value BigQuery cannot hold is written as NULL and logged (unrepresentable=null)"
                : "a value BigQuery cannot hold stops the pipeline (unrepresentable=fail)";
        return "Append-only:  " + tables + "\n" + "Values:       " + values + "\n";
    }

    /** A visible warning for each connection that does not authenticate its server (anything but verify-full). */
    private String tlsWarnings() {
        StringBuilder out = new StringBuilder();
        warn(out, "source", draft.source, "; go back to the CA certificate step to use verify-full");
        if (draft.engine.get() == HandoffEngine.IN_APP && draft.destinationKind.get() == DestinationKind.POSTGRESQL) {
            warn(out, "destination", draft.destination, "; for verify-full run the pipeline with walbridge run and"
                    + " sslmode=verify-full&sslrootcert=CA.pem in the --target URL");
        }
        return out.toString();
    }

    private static void warn(StringBuilder out, String role, EndpointForm form, String fix) {
        try {
            TlsWarning.of(role, form.toEndpoint(), fix).ifPresent(w -> out.append("\n").append(w));
        } catch (RuntimeException incomplete) {
            // a step with missing fields has its own blocker; nothing to warn about yet
        }
    }

    /** Saves the pipeline and its passwords. */
    public void save() {
        persist(saved -> busy.set(false));
    }

    /** Saves, then starts the engine in this process. */
    public void start() {
        if (!startable.get()) {
            return;
        }
        persist(saved -> {
            Secret src = draft.source.secret();
            Secret dst = destinationSecret();
            services.tasks().run(() -> services.engine().start(saved, src, dst), pipeline -> {
                busy.set(false);
                started.set(pipeline);
            }, e -> {
                busy.set(false);
                problem.set(Problem.of(e, src, dst));
            });
        });
    }

    private void persist(java.util.function.Consumer<SavedPipeline> then) {
        if (busy.get()) {
            return;
        }
        problem.set(null);
        SavedPipeline saved;
        try {
            saved = draft.toSaved();
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
            return;
        }
        Secret src = draft.source.secret();
        Secret dst = destinationSecret();
        busy.set(true);
        services.tasks().run(() -> {
            Path file = services.pipelines().save(saved);
            services.secrets().put(saved.sourceSecretKey(), src);
            services.secrets().put(saved.destinationSecretKey(), dst);
            return file;
        }, file -> {
            draft.saved.set(true);
            savedTo.set("saved to " + file + " (passwords in " + services.secrets().where() + ")");
            then.accept(saved);
        }, e -> {
            busy.set(false);
            problem.set(Problem.of(e, src, dst));
        });
    }

    /** BigQuery has no password: its key stays in the key file the pipeline names. */
    private Secret destinationSecret() {
        return draft.destinationKind.get() == DestinationKind.BIGQUERY ? Secret.NONE : draft.destination.secret();
    }

    @Override
    public String title() {
        return "Review and start";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
