package io.walbridge.app.common;

import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.Pipeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One pipeline the app runs: its saved settings, the passwords it was started with (kept in memory only,
 * for Restart), and the engine instance now running it — a restart replaces the engine, not this entry.
 */
public final class RunningPipeline {

    private final SavedPipeline saved;
    private final Secret sourcePassword;
    private final Secret destinationPassword;
    private final ObjectProperty<Pipeline> engine = new SimpleObjectProperty<>();

    RunningPipeline(SavedPipeline saved, Secret sourcePassword, Secret destinationPassword, Pipeline engine) {
        this.saved = saved;
        this.sourcePassword = sourcePassword;
        this.destinationPassword = destinationPassword;
        this.engine.set(engine);
    }

    public String name() {
        return saved.name();
    }

    public SavedPipeline saved() {
        return saved;
    }

    /** The engine instance running now; read it anew after a restart. */
    public Pipeline pipeline() {
        return engine.get();
    }

    public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
        return engine;
    }

    Secret sourcePassword() {
        return sourcePassword;
    }

    Secret destinationPassword() {
        return destinationPassword;
    }

    void replace(Pipeline next) {
        engine.set(next);
    }

    /** The destination with its password, for comparing it with the source (Validate replication). */
    public io.walbridge.core.source.PgEndpoint destination() {
        return saved.destination().toEndpoint(destinationPassword);
    }

    /** Scrubs both passwords from a text before it is shown. */
    public Problem problem(Throwable e) {
        return Problem.of(e, sourcePassword, destinationPassword);
    }

    @Override
    public String toString() {
        return name();
    }
}
