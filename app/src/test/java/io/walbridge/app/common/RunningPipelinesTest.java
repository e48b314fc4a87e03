package io.walbridge.app.common;

import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The one owner of running pipelines: closing the window stops every pipeline, even ones the list has not shown yet. */
class RunningPipelinesTest {

    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");

    /** Work runs at once; UI actions wait until the test lets them run, as on a busy UI thread. */
    private static final class SlowUi implements TaskRunner {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return new SameThreadRunner().run(work, onSuccess, onFailure);
        }

        @Override
        public void onUi(Runnable action) {
            pending.add(action);
        }
    }

    @Test
    void stopsEveryPipelineStartedBeforeTheListShowedThem() throws Exception {
        SlowUi ui = new SlowUi();
        RunningPipelines running = new RunningPipelines(new InProcessEngine(), ui);
        List<SavedPipeline> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String src = SOURCE.freshDatabase();
            String dst = TARGET.freshDatabase();
            SOURCE.exec(src, "CREATE TABLE t (id int PRIMARY KEY)", "CREATE PUBLICATION p FOR ALL TABLES");
            saved.add(new SavedPipeline("p" + i, new SavedEndpoint("localhost", SOURCE.port(), src, "postgres", "disable", null),
                    "p", "owner_" + src, List.of(), SavedPipeline.POSTGRESQL,
                    new SavedEndpoint("localhost", TARGET.port(), dst, "postgres", "disable", null)));
        }
        List<io.walbridge.core.pipeline.Pipeline> started = new ArrayList<>();
        for (SavedPipeline s : saved) {
            started.add(running.start(s, Secret.NONE, Secret.NONE));
        }
        ui.pending.get(0).run(); // the list shows the first; the others are still on their way

        running.stopAll(Duration.ofSeconds(60));

        assertThat(started).allSatisfy(p -> assertThat(p.metrics().state()).isIn(PipelineState.STOPPED, PipelineState.FAILED));
        assertThat(started).allSatisfy(p -> assertThat(p.awaitTermination(Duration.ZERO)).isTrue());
        ui.pending.subList(1, ui.pending.size()).forEach(Runnable::run);
        assertThat(running.all()).hasSize(3);
        for (SavedPipeline s : saved) {
            SOURCE.exec(s.source().database(), "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + s.slot() + "' AND NOT active");
        }
    }
}
