package io.walbridge.app.monitor;

import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.setup.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Every slot of a source, whoever reads it, watched without a pipeline; a forgotten one is flagged and dropped. */
class SlotsViewModelTest {

    @TempDir
    Path state;
    private MonitorFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsAForgottenSlotFlagsItAndDropsItOnlyWhenItsNameIsTyped() throws Exception {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS.withMaxInactive(Duration.ofSeconds(5)),
                "CREATE TABLE items (id int PRIMARY KEY, v text)");
        String forgotten = "debezium_" + f.r.slot;
        f.r.source("SELECT pg_create_logical_replication_slot('" + forgotten + "', 'pgoutput')",
                "INSERT INTO items SELECT g, repeat('x', 500) FROM generate_series(1, 2000) g");
        SlotsViewModel vm = new SlotsViewModel(f.model, ConnectionFactory.PGJDBC, ZoneOffset.UTC);
        vm.url.set("postgresql://postgres@localhost:" + f.r.sourceServer.port() + "/" + f.r.sourceDb + "?sslmode=disable");
        vm.watchUrl();
        f.tickUntil("the forgotten slot is listed and alerting", () -> vm.rows.stream()
                .anyMatch(r -> r.name().equals(forgotten) && !r.alerts().isEmpty()));

        SlotRow row = vm.rows.stream().filter(r -> r.name().equals(forgotten)).findFirst().orElseThrow();
        assertThat(row.flagged()).isTrue();
        assertThat(row.active()).isFalse();
        assertThat(row.plugin()).isEqualTo("pgoutput");
        assertThat(row.type()).isEqualTo("logical");
        assertThat(row.database()).isEqualTo(f.r.sourceDb);
        assertThat(row.consumer()).endsWith("Debezium");
        assertThat(row.retainedBytes()).isGreaterThan(500_000);
        assertThat(row.walStatus()).isEqualTo("reserved");
        assertThat(row.safeWalSize()).isEqualTo("unlimited");
        assertThat(row.inactiveSince()).contains("ago");
        assertThat(row.alerts()).contains("no consumer");
        assertThat(vm.summary.get()).contains("max_slot_wal_keep_size unlimited");
        assertThat(vm.dropConfirmation(row)).contains(forgotten).contains("frees about " + row.retained())
                .contains("Debezium");

        vm.drop(row, "something else");
        assertThat(vm.problem.get().problem()).contains("was not dropped");
        f.tick();
        assertThat(vm.rows).extracting(SlotRow::name).contains(forgotten);

        vm.drop(row, forgotten);
        assertThat(vm.problem.get()).isNull();
        f.tick();
        assertThat(vm.rows).extracting(SlotRow::name).doesNotContain(forgotten).contains(f.r.slot);
        assertThat(f.model.alerts().events()).extracting(EventLine::text)
                .anyMatch(t -> t.contains("dropped slot '" + forgotten + "'"))
                .anyMatch(t -> t.contains("cleared") && t.contains(forgotten));
    }

    @Test
    void thresholdsSetForASourceApplyAtOnceAndAreKeptForTheNextRun() throws Exception {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS, "CREATE TABLE items (id int PRIMARY KEY, v text)");
        String idle = "idle_" + f.r.slot;
        f.r.source("SELECT pg_create_logical_replication_slot('" + idle + "', 'pgoutput')",
                "INSERT INTO items SELECT g, repeat('x', 100) FROM generate_series(1, 200) g");
        SlotsViewModel vm = new SlotsViewModel(f.model, ConnectionFactory.PGJDBC, ZoneOffset.UTC);
        vm.source.set(f.model.watch(f.r.sourceServer.endpoint(f.r.sourceDb)));
        assertThat(vm.maxRetained.get()).isEqualTo("10 GB");
        assertThat(vm.maxSharePercent.get()).isEqualTo("50");
        assertThat(vm.maxLag.get()).isEqualTo("5min");
        assertThat(vm.maxInactive.get()).isEqualTo("30min");
        f.tick();
        assertThat(f.model.alerts().activeFor(vm.source.get().key().toString(), idle)).isEmpty();

        vm.maxLag.set("five minutes");
        vm.applyLimits();
        assertThat(vm.problem.get().fix()).contains("5min");
        assertThat(vm.source.get().thresholds()).isEqualTo(AlertThresholds.DEFAULTS);

        vm.maxRetained.set("1kB");
        vm.maxLag.set("2min");
        vm.applyLimits();
        assertThat(vm.problem.get()).isNull();
        f.tick();
        assertThat(f.model.alerts().activeFor(vm.source.get().key().toString(), idle))
                .anyMatch(a -> a.kind() == io.walbridge.core.monitor.AlertKind.WAL_RETAINED);

        MonitorModel nextRun = new MonitorModel(f.running, f.tasks, f.clock, state, ConnectionFactory.PGJDBC,
                AlertThresholds.DEFAULTS, (s, t, x) -> { });
        SourceWatch again = nextRun.watch(f.r.sourceServer.endpoint(f.r.sourceDb));
        assertThat(again.thresholds()).isEqualTo(AlertThresholds.DEFAULTS.withMaxRetainedBytes(1024)
                .withMaxLag(Duration.ofMinutes(2)));
        nextRun.close();
        f.r.source("SELECT pg_drop_replication_slot('" + idle + "')");
    }

    @Test
    void aMalformedUrlSaysWhatIsWrong() {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS, "CREATE TABLE items (id int PRIMARY KEY)");
        SlotsViewModel vm = new SlotsViewModel(f.model, ConnectionFactory.PGJDBC, ZoneOffset.UTC);
        vm.url.set("db.example.com:5432");
        vm.watchUrl();
        assertThat(vm.problem.get()).isNotNull();
        assertThat(vm.problem.get().fix()).isNotBlank();
        assertThat(f.model.sources).isEmpty();
    }
}
