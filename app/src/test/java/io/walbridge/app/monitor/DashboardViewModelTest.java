package io.walbridge.app.monitor;

import io.walbridge.core.change.TableId;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard of a real pipeline: figures and charts from its counters, and each control acting on the engine. */
class DashboardViewModelTest {

    private static final TableId ITEMS = new TableId("public", "items");

    @TempDir
    Path state;
    private MonitorFixture f;
    private DashboardViewModel vm;

    @AfterEach
    void close() {
        f.close();
    }

    private void streaming() throws Exception {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS, "CREATE TABLE items (id int PRIMARY KEY, v text)",
                "INSERT INTO items SELECT g, 'old' FROM generate_series(1, 100) g");
        f.start();
        vm = new DashboardViewModel(f.model, ZoneOffset.UTC);
        vm.show(f.monitor());
        f.tickUntil("streaming", () -> f.pipeline().metrics().state() == PipelineState.STREAMING);
    }

    @Test
    void showsLiveFiguresChartPointsAndPerTableCounters() throws Exception {
        streaming();
        f.r.source("INSERT INTO items SELECT g, 'new' FROM generate_series(101, 400) g",
                "UPDATE items SET v = 'changed' WHERE id <= 50", "DELETE FROM items WHERE id > 390");
        f.tickUntil("every change is applied", () -> f.pipeline().metrics().changesApplied() == 360);
        f.tickUntil("the chart shows changes applied", () -> vm.charts.changesApplied.stream()
                .anyMatch(d -> d.getYValue().longValue() > 0));
        f.tickUntil("the table figures show every change", () -> vm.tables.size() == 1
                && vm.tables.get(0).inserts() + vm.tables.get(0).updates() + vm.tables.get(0).deletes() == 360);

        assertThat(vm.name.get()).isEqualTo(f.saved.name());
        assertThat(vm.state.get()).isEqualTo("streaming");
        assertThat(vm.phase.get()).isEqualTo("streaming changes");
        assertThat(vm.tables).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo(ITEMS);
            assertThat(t.inserts()).isEqualTo(300);
            assertThat(t.updates()).isEqualTo(50);
            assertThat(t.deletes()).isEqualTo(10);
            assertThat(t.errors()).isZero();
            assertThat(t.copy()).isEqualTo("copied, 100 rows");
            assertThat(t.lastChange()).contains("ago");
        });
        assertThat(vm.totals.get()).startsWith("360 changes in 3 transactions applied");
        assertThat(vm.latency.get()).startsWith("p50 ").contains("p99 ");
        assertThat(vm.retained.get()).contains("max_slot_wal_keep_size: unlimited");
        assertThat(vm.walStatus.get()).startsWith("reserved").contains("safe_wal_size unlimited");
        assertThat(vm.charts.retained).isNotEmpty();
        assertThat(vm.charts.lagBytes).isNotEmpty();
        assertThat(vm.charts.p99).isNotEmpty();
        assertThat(vm.charts.changesApplied.size()).isLessThanOrEqualTo(ChartsViewModel.MAX_POINTS);
        double low = vm.charts.lowerBound.get();
        assertThat(vm.charts.upperBound.get() - low).isEqualTo(15 * 60);

        vm.charts.range.set(ChartRange.DAY);
        assertThat(vm.charts.changesApplied).as("the day read back from disk")
                .anyMatch(d -> d.getYValue().longValue() > 0);
        assertThat(vm.charts.note.get()).contains("highest of");
    }

    @Test
    void pausesResumesRestartsAndCopiesATableAgain() throws Exception {
        streaming();
        vm.pause();
        assertThat(vm.state.get()).isEqualTo("paused");
        assertThat(vm.canResume.get()).isTrue();
        assertThat(vm.canPause.get()).isFalse();
        vm.resume();
        assertThat(vm.state.get()).isEqualTo("streaming");

        assertThat(vm.resnapshotConfirmation(ITEMS)).contains("emptied and refilled");
        f.r.targetServer.exec(f.r.targetDb, "DELETE FROM items WHERE id <= 10"); // damage the copy
        vm.resnapshot(ITEMS);
        f.tickUntil("the table is copied again", () -> "100".equals(f.r.targetServer.scalar(f.r.targetDb,
                "SELECT count(*) FROM items")));
        assertThat(f.model.alerts().events()).extracting(EventLine::text).anyMatch(t -> t.contains("copying public.items again"));

        Pipeline before = f.pipeline();
        assertThat(vm.restartConfirmation()).contains("Nothing is lost");
        vm.restart();
        assertThat(f.pipeline()).isNotSameAs(before);
        assertThat(before.metrics().state()).isEqualTo(PipelineState.STOPPED);
        f.tickUntil("streaming again", () -> f.pipeline().metrics().state() == PipelineState.STREAMING);
        f.r.source("INSERT INTO items VALUES (1000, 'after restart')");
        f.tickUntil("the restarted engine applies", () -> vm.tables.stream().anyMatch(t -> t.inserts() == 1));

        assertThat(vm.stopConfirmation()).contains("keeps all new WAL");
        vm.stop();
        f.tickUntil("stopped", () -> "stopped".equals(vm.state.get()));
        assertThat(vm.canStop.get()).isFalse();
        vm.forget();
        assertThat(f.model.pipelines).isEmpty();
    }
}
