package io.walbridge.app.start;

import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting a saved pipeline from the start screen: it joins the running pipelines once, with its stored passwords. */
class StartViewModelTest {

    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");

    @TempDir
    Path config;

    @Test
    void startsASavedPipelineOnceAndRefusesASecondRunOfTheSameName() throws Exception {
        String src = SOURCE.freshDatabase();
        String dst = TARGET.freshDatabase();
        String slot = "start_" + src;
        SOURCE.exec(src, "CREATE TABLE t (id int PRIMARY KEY)", "CREATE PUBLICATION p FOR ALL TABLES",
                "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        SameThreadRunner tasks = new SameThreadRunner();
        RunningPipelines running = new RunningPipelines(new InProcessEngine(), tasks);
        FileSecretStore secrets = new FileSecretStore(config.resolve("secrets.properties"));
        Services services = new Services(tasks, ConnectionFactory.PGJDBC, new PipelineStore(config), secrets, running);
        SavedPipeline saved = new SavedPipeline("nightly", new SavedEndpoint("localhost", SOURCE.port(), src, "postgres",
                "disable", null), "p", slot, List.of("public.t"), SavedPipeline.POSTGRESQL,
                new SavedEndpoint("localhost", TARGET.port(), dst, "postgres", "disable", null));
        secrets.put(saved.sourceSecretKey(), new Secret("unused-by-trust-auth"));
        StartViewModel vm = new StartViewModel(services);
        List<String> opened = new ArrayList<>();

        vm.start(saved, opened::add);
        assertThat(vm.problem.get()).isNull();
        assertThat(opened).containsExactly("nightly");
        assertThat(running.all()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("nightly"));

        vm.start(saved, opened::add);
        assertThat(vm.problem.get().problem()).isEqualTo("pipeline 'nightly' is already running");
        assertThat(running.all()).hasSize(1);

        running.stopAll(Duration.ofSeconds(30));
        assertThat(running.all().get(0).pipeline().metrics().state()).isEqualTo(PipelineState.STOPPED);
        SOURCE.exec(src, "SELECT pg_drop_replication_slot('" + slot + "')");
    }
}
