package io.walbridge.app.demo;

import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.app.wizard.PipelineDraft;
import io.walbridge.app.wizard.TableRow;
import io.walbridge.app.wizard.WizardViewModel;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.setup.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as the app drives it, without a screen: Try it starts the servers and hands over a wizard draft that
 * the real wizard steps accept (connection test ready, the shop's five tables chosen); the rate slider reaches the
 * generator; Stop demo stops the demo's pipeline first, then leaves no server running.
 */
class DemoViewModelTest {

    /** Shared: the binaries are unpacked and the databases made once; each test starts from the data as it is. */
    @TempDir
    static Path home;

    @Test
    void startsPrefillsTheWizardFollowsTheRateAndStopsEverything() {
        FileSecretStore secrets = new FileSecretStore(home.resolve("config/secrets.properties"));
        AtomicInteger pipelineStops = new AtomicInteger();
        DemoViewModel demo = new DemoViewModel(new SameThreadRunner(), new DemoFolder(home.resolve("demo")), secrets,
                new DemoSession.Options(0.01, false, true, new ChangeGenerator.Settings(20, Duration.ZERO, 1)),
                pipelineStops::incrementAndGet);
        demo.reset.set(true); // "Start from fresh sample data": whatever another test left, the rows are loaded now
        List<String> steps = new ArrayList<>();
        demo.progress.addListener((obs, old, now) -> steps.add(now));
        List<PipelineDraft> opened = new ArrayList<>();

        demo.start(opened::add);

        assertThat(demo.problem.get()).isNull();
        assertThat(demo.phase.get()).isEqualTo(DemoViewModel.Phase.RUNNING);
        assertThat(steps).contains("deleting the earlier demo data", "loading sample rows: shop.orders",
                "starting the change generator");
        assertThat(demo.reset.get()).as("a reset is done once, not at every start").isFalse();
        assertThat(opened).hasSize(1);
        PipelineDraft draft = opened.get(0);
        DemoSession session = demo.session().orElseThrow();
        assertThat(draft.name.get()).isEqualTo("demo");
        assertThat(draft.source.host.get()).isEqualTo("localhost");
        assertThat(draft.source.port.get()).isEqualTo(String.valueOf(session.source().port()));
        assertThat(draft.source.database.get()).isEqualTo("shop");
        assertThat(draft.destination.port.get()).isEqualTo(String.valueOf(session.destination().port()));
        assertThat(draft.destination.database.get()).isEqualTo("shop_copy");
        assertThat(draft.source.password.get()).isEqualTo(secrets.get(DemoDatabases.PASSWORD_KEY).orElseThrow().value());
        assertThat(draft.publication.get()).isEqualTo("demo_pub");
        assertThat(draft.slot.get()).isEqualTo("demo_slot");
        assertThat(draft.tables).containsExactlyElementsOf(ShopData.TABLES);
        assertThat(demo.servers.get()).contains("postgresql://postgres@localhost:" + session.source().port() + "/shop")
                .doesNotContain(draft.source.password.get());

        // the real wizard takes the draft as it is
        Services services = new Services(new SameThreadRunner(), ConnectionFactory.PGJDBC,
                new PipelineStore(home.resolve("config")), secrets, (p, s, d) -> {
            throw new IllegalStateException("this test starts no engine");
        });
        WizardViewModel wizard = new WizardViewModel(draft, services);
        assertThat(demo.isDemoSource(draft.source.host.get(), draft.source.port.get())).isTrue();
        wizard.source().testConnection();
        assertThat(draft.sourceReport.get().ready()).as(wizard.source().test().outcome.get()).isTrue();
        wizard.replication().picker().load();
        assertThat(wizard.replication().picker().rows.stream().filter(r -> r.selected.get()).map(TableRow::id))
                .containsExactlyInAnyOrderElementsOf(ShopData.TABLES);

        ChangeGenerator generator = demo.generator().orElseThrow();
        demo.rate.set(0);
        assertThat(generator.rate()).isZero();
        demo.rate.set(300);
        assertThat(generator.rate()).isEqualTo(300);
        demo.refresh();
        assertThat(demo.changes.get()).endsWith("changes made on the source");

        List<Long> pids = session.serverPids();
        AtomicInteger stopped = new AtomicInteger();
        demo.stop(stopped::incrementAndGet);

        assertThat(stopped.get()).isEqualTo(1);
        assertThat(pipelineStops.get()).as("the demo's pipeline is stopped before its servers").isEqualTo(1);
        assertThat(demo.phase.get()).isEqualTo(DemoViewModel.Phase.IDLE);
        assertThat(demo.session()).isEmpty();
        assertThat(pids).allMatch(pid -> pid > 0).noneMatch(ServerProcesses::isAlive);
        assertThat(demo.dataExists.get()).as("the next start can reuse or reset the data").isTrue();
    }

    @Test
    void aFailedStartShowsItsCauseAndFixAndLeavesTheDemoIdle() {
        FileSecretStore secrets = new FileSecretStore(home.resolve("config/secrets.properties"));
        DemoFolder folder = new DemoFolder(home.resolve("demo"));
        DemoViewModel first = new DemoViewModel(new SameThreadRunner(), folder, secrets,
                new DemoSession.Options(0.01, false, false, ChangeGenerator.Settings.DEFAULT), () -> { });
        first.start(d -> { });
        try {
            DemoViewModel second = new DemoViewModel(new SameThreadRunner(), folder, secrets,
                    new DemoSession.Options(0.01, false, false, ChangeGenerator.Settings.DEFAULT), () -> { });
            List<PipelineDraft> opened = new ArrayList<>();
            second.start(opened::add);
            assertThat(second.phase.get()).isEqualTo(DemoViewModel.Phase.IDLE);
            assertThat(opened).isEmpty();
            assertThat(second.problem.get().problem()).contains("the demo is already running");
            assertThat(second.problem.get().fix()).contains("Stop demo");
        } finally {
            first.shutdown();
        }
        assertThat(first.session()).isEmpty();
    }
}
