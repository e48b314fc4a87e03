package io.walbridge.app.start;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedPipeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/** The start screen: a new pipeline, or one of the saved ones to open and edit. */
public final class StartViewModel {

    private final Services services;
    public final ObservableList<SavedPipeline> pipelines = FXCollections.observableArrayList();
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    public final javafx.beans.property.BooleanProperty starting = new javafx.beans.property.SimpleBooleanProperty();

    public StartViewModel(Services services) {
        this.services = services;
    }

    /** Lists the saved pipelines again (reading a few small files, in the background all the same). */
    public void refresh() {
        problem.set(null);
        services.tasks().run(() -> new Listing(services.pipelines().list(), services.pipelines().damaged()), listing -> {
            pipelines.setAll(listing.readable());
            problem.set(damagedProblem(listing.damaged()));
        }, e -> problem.set(Problem.of(e)));
    }

    private record Listing(List<SavedPipeline> readable, List<PipelineStore.Damaged> damaged) {
    }

    /** A damaged file is named with its reason, not silently left out of the list. */
    private static Problem damagedProblem(List<PipelineStore.Damaged> damaged) {
        if (damaged.isEmpty()) {
            return null;
        }
        String files = damaged.stream().map(d -> d.file() + " (" + d.reason() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return new Problem((damaged.size() == 1 ? "a saved pipeline file cannot be read: "
                : damaged.size() + " saved pipeline files cannot be read: ") + files,
                "fix the JSON by hand or delete the file; the pipelines listed are not affected");
    }

    /** Starts a saved pipeline with its stored passwords (in the background: it connects); {@code started} gets its name. */
    public void start(SavedPipeline saved, java.util.function.Consumer<String> started) {
        if (starting.get()) {
            return;
        }
        problem.set(null);
        starting.set(true);
        services.tasks().run(() -> {
            io.walbridge.core.config.Secret src = services.secrets().get(saved.sourceSecretKey()).orElse(io.walbridge.core.config.Secret.NONE);
            io.walbridge.core.config.Secret dst = services.secrets().get(saved.destinationSecretKey()).orElse(io.walbridge.core.config.Secret.NONE);
            try {
                services.engine().start(saved, src, dst);
            } catch (RuntimeException e) {
                throw new ScrubbedFailure(Problem.of(e, src, dst));
            }
            return saved.name();
        }, name -> {
            starting.set(false);
            started.accept(name);
        }, e -> {
            starting.set(false);
            problem.set(e instanceof ScrubbedFailure s ? s.problem : Problem.of(e));
        });
    }

    /** Carries a problem already cleaned of passwords out of the background work. */
    private static final class ScrubbedFailure extends RuntimeException {
        private final transient Problem problem;

        ScrubbedFailure(Problem problem) {
            super(problem.problem(), null, false, false);
            this.problem = problem;
        }
    }

    public PipelineDraft newDraft() {
        return new PipelineDraft();
    }

    /**
     * Hands a draft holding the saved pipeline and its passwords to {@code opened}, ready for the wizard. In the
     * background: reading the desktop keyring starts a process and may wait for its unlock prompt.
     */
    public void open(SavedPipeline saved, Consumer<PipelineDraft> opened) {
        problem.set(null);
        services.tasks().run(() -> PipelineDraft.of(saved, services.secrets()), opened::accept,
                e -> problem.set(Problem.of(e)));
    }

    /** One line per saved pipeline for the list. */
    public static String describe(SavedPipeline p) {
        String source = p.source() == null ? "?" : p.source().user() + "@" + p.source().host() + ":" + p.source().port()
                + "/" + p.source().database();
        String dest = switch (p.handoffEngine()) {
            case DEBEZIUM -> "Debezium on Kafka Connect";
            case DATASTREAM -> "Google Datastream";
            case IN_APP -> p.bigQuery() != null ? "BigQuery " + p.bigQuery().project() + "." + p.bigQuery().dataset()
                    : p.destination() == null ? "?" : p.destination().host() + ":" + p.destination().port() + "/"
                    + p.destination().database();
        };
        return p.name() + "   " + source + " → " + dest + "   (" + p.tables().size() + " tables, slot " + p.slot() + ")";
    }
}
