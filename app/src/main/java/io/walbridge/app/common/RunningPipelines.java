package io.walbridge.app.common;

import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.Pipeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one owner of the pipelines this app runs. Everything that starts a pipeline goes through it (it is the
 * app's {@link PipelineEngine}), so the monitor sees every pipeline, a name runs at most once, and closing the
 * window stops them all. The list changes on the UI thread only.
 */
public final class RunningPipelines implements PipelineEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RunningPipelines.class);

    private final PipelineEngine engine;
    private final TaskRunner tasks;
    private final ObservableList<RunningPipeline> all = FXCollections.observableArrayList();
    // the same entries for background threads, which must not iterate a list the UI thread changes
    private final List<RunningPipeline> mirror = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> starting = new java.util.HashSet<>();

    public RunningPipelines(PipelineEngine engine, TaskRunner tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    public ObservableList<RunningPipeline> all() {
        return all;
    }

    public Optional<RunningPipeline> byName(String name) {
        return all.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Starts a pipeline (off the UI thread: it connects) and lists it; one that ended under the same name is replaced. */
    @Override
    public Pipeline start(SavedPipeline saved, Secret sourcePassword, Secret destinationPassword) {
        reserve(saved.name());
        Pipeline p;
        RunningPipeline entry;
        try {
            p = engine.start(saved, sourcePassword, destinationPassword);
            entry = new RunningPipeline(saved, sourcePassword, destinationPassword, p);
            mirror.removeIf(r -> r.name().equals(saved.name()));
            mirror.add(entry);
        } finally {
            release(saved.name());
        }
        tasks.onUi(() -> {
            if (!all.contains(entry)) {
                all.add(entry);
            }
            all.removeIf(r -> r != entry && r.name().equals(saved.name()));
        });
        return p;
    }

    /** Claims a name for a start in progress, so two starts of one pipeline cannot both go ahead. */
    private synchronized void reserve(String name) {
        boolean running = mirror.stream().anyMatch(r -> r.name().equals(name) && !r.pipeline().metrics().state().isFinal());
        if (running || starting.contains(name)) {
            throw new io.walbridge.core.UserFacingException("pipeline '" + name + "' is already running",
                    "select it in the monitor's pipeline list; stop it there first to start it again");
        }
        starting.add(name);
    }

    private synchronized void release(String name) {
        starting.remove(name);
    }

    /**
     * Stops the pipeline, waits for it to end, and starts a new engine instance with the same settings, all in
     * the background; {@code done} gets null, or the problem when it could not start.
     */
    public void restart(RunningPipeline r, Consumer<Problem> done) {
        tasks.run(() -> {
            Pipeline old = r.pipeline();
            old.stop();
            if (!old.awaitTermination(Duration.ofSeconds(60))) {
                throw new io.walbridge.core.UserFacingException("pipeline '" + r.name() + "' did not stop within 60 s",
                        "wait until the state shows 'stopped', then press Restart again");
            }
            return engine.start(r.saved(), r.sourcePassword(), r.destinationPassword());
        }, next -> {
            r.replace(next);
            done.accept(null);
        }, e -> done.accept(r.problem(e)));
    }

    /** Removes an ended pipeline from the list. */
    public void forget(RunningPipeline r) {
        if (r.pipeline().metrics().state().isFinal()) {
            all.remove(r);
            mirror.remove(r);
        }
    }

    /** Stops every pipeline and waits for each to end: closing the window must not leave threads behind. */
    public void stopAll(Duration eachTimeout) {
        stopWhere(p -> true, eachTimeout);
    }

    /** Stops the pipelines that match and waits for each to end (the demo's, before its servers go). */
    public void stopWhere(java.util.function.Predicate<Pipeline> which, Duration eachTimeout) {
        List<RunningPipeline> copy = synchronizedCopy().stream().filter(r -> which.test(r.pipeline())).toList();
        copy.forEach(r -> r.pipeline().stop());
        for (RunningPipeline r : copy) {
            try {
                if (!r.pipeline().awaitTermination(eachTimeout)) {
                    LOG.warn("pipeline {} did not stop within {} s", r.name(), eachTimeout.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<RunningPipeline> synchronizedCopy() {
        return List.copyOf(mirror);
    }
}
