package io.walbridge.app.wizard;

import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.RunningPipeline;
import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.monitor.DashboardViewModel;
import io.walbridge.app.monitor.MonitorModel;
import io.walbridge.app.monitor.TableFigures;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.app.start.StartViewModel;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.ConfigFolder;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 6, the start screen and the status view without a screen: saving, reopening and starting a pipeline. */
class ReviewAndStartViewModelTest {

    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");

    @TempDir
    Path config;

    private PipelineDraft draft(String sourceDb, String targetDb) {
        PipelineDraft d = new PipelineDraft();
        d.source.host.set("localhost");
        d.source.port.set(String.valueOf(SOURCE.port()));
        d.source.database.set(sourceDb);
        d.source.user.set("postgres");
        d.source.password.set("Source-Secret-1");
        d.source.sslMode.set("disable");
        d.publication.set("pub_" + sourceDb);
        d.slot.set("slot_" + sourceDb);
        d.tables.add(new TableId("public", "orders"));
        d.destination.host.set("localhost");
        d.destination.port.set(String.valueOf(TARGET.port()));
        d.destination.database.set(targetDb);
        d.destination.user.set("postgres");
        d.destination.password.set("Dest-Secret-2");
        d.destination.sslMode.set("disable");
        return d;
    }

    @Test
    void savedJsonHoldsNoPasswordAndTheSecretsFileIsPrivate() throws Exception {
        WizardViewModel w = new WizardViewModel(draft("src", "dst"), TestServices.sameThread(config));
        ReviewStepViewModel review = w.review();

        review.entered();
        assertThat(review.name().get()).isEqualTo("slot_src");
        assertThat(review.summary.get()).contains("postgres@localhost").doesNotContain("Source-Secret-1");
        review.save();

        assertThat(review.problem.get()).isNull();
        Path json = config.resolve("pipelines/slot_src.json");
        String text = Files.readString(json);
        assertThat(text).contains("\"publication\" : \"pub_src\"").contains("[ \"\\\"public\\\".\\\"orders\\\"\" ]")
                .doesNotContain("Source-Secret-1").doesNotContain("Dest-Secret-2").doesNotContainIgnoringCase("password");
        Path secrets = config.resolve("secrets.properties");
        assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(secrets)).contains("Source-Secret-1").contains("Dest-Secret-2");
        assertThat(review.savedTo.get()).contains(json.toString()).doesNotContain("Secret-");
    }

    @Test
    void aSavedPipelineReopensFromTheStartScreenWithEverythingEntered() {
        Services services = TestServices.sameThread(config);
        WizardViewModel w = new WizardViewModel(draft("src", "dst"), services);
        w.review().entered();
        w.review().save();

        StartViewModel start = new StartViewModel(services);
        start.refresh();

        assertThat(start.pipelines).singleElement().satisfies(p -> assertThat(StartViewModel.describe(p))
                .contains("slot_src").contains("postgres@localhost").doesNotContain("Secret"));
        List<PipelineDraft> opened = new ArrayList<>();
        start.open(start.pipelines.get(0), opened::add);
        PipelineDraft reopened = opened.get(0);
        assertThat(reopened.source.password.get()).isEqualTo("Source-Secret-1");
        assertThat(reopened.destination.password.get()).isEqualTo("Dest-Secret-2");
        assertThat(reopened.tables).containsExactly(new TableId("public", "orders"));
        assertThat(reopened.slot.get()).isEqualTo("slot_src");
        assertThat(reopened.saved.get()).isTrue();
    }

    @Test
    void theSettingsFolderFollowsEachSystemsConvention() {
        assertThat(ConfigFolder.resolve("Linux", "/home/a", Map.of("XDG_CONFIG_HOME", "/x/cfg")))
                .isEqualTo(Path.of("/x/cfg/walbridge"));
        assertThat(ConfigFolder.resolve("Linux", "/home/a", Map.of())).isEqualTo(Path.of("/home/a/.config/walbridge"));
        assertThat(ConfigFolder.resolve("Mac OS X", "/Users/a", Map.of()))
                .isEqualTo(Path.of("/Users/a/Library/Application Support/WalBridge"));
        assertThat(ConfigFolder.resolve("Windows 11", "C:/Users/a", Map.of("APPDATA", "C:/Users/a/AppData/Roaming")))
                .isEqualTo(Path.of("C:/Users/a/AppData/Roaming", "WalBridge"));
    }

    @Test
    void startRunsTheEngineAndTheMonitorListsItWithItsProgress(@TempDir Path state) throws Exception {
        String src = SOURCE.freshDatabase();
        String dst = TARGET.freshDatabase();
        SOURCE.exec(src, "CREATE TABLE orders (id int PRIMARY KEY, note text)",
                "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 300) g");
        PipelineDraft d = draft(src, dst);
        d.source.password.set("");
        d.destination.password.set("");
        SameThreadRunner tasks = new SameThreadRunner();
        RunningPipelines running = new RunningPipelines(new InProcessEngine(), tasks);
        MonitorModel monitor = new MonitorModel(running, tasks, java.time.Clock.systemUTC(), state,
                io.walbridge.core.setup.ConnectionFactory.PGJDBC, io.walbridge.core.monitor.AlertThresholds.DEFAULTS,
                (severity, title, text) -> { });
        WizardViewModel w = new WizardViewModel(d, TestServices.with(tasks, config, running));
        w.replication().plan().run();
        assertThat(w.replication().plan().problem.get()).isNull();

        w.review().entered();
        w.review().start();

        Pipeline pipeline = w.review().started.get();
        assertThat(w.review().problem.get()).isNull();
        assertThat(pipeline).isNotNull();
        assertThat(running.all()).extracting(RunningPipeline::pipeline).containsExactly(pipeline);
        DashboardViewModel status = new DashboardViewModel(monitor, java.time.ZoneOffset.UTC);
        status.show(monitor.pipelines.get(0));
        pipeline.stopWhenCaughtUpTo(SourcePosition.current(d.source.toEndpoint()));
        assertThat(pipeline.awaitTermination(Duration.ofSeconds(60))).isTrue();

        status.refresh();
        assertThat(status.state.get()).isEqualTo("stopped");
        assertThat(status.canStop.get()).isFalse();
        assertThat(status.tables).extracting(TableFigures::table, TableFigures::copy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new io.walbridge.core.change.TableId("public", "orders"),
                        "copied, 300 rows"));
        assertThat(status.failure.get()).isNull();
        assertThat(TARGET.rows(dst, "SELECT count(*) FROM orders")).isEqualTo(List.of(List.of("300")));
        monitor.close();
    }
}
