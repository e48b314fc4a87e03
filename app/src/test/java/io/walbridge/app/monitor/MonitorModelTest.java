package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertKind;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.HistoryPoint;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.pipeline.PipelineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor's figures against a real pipeline and slot: live numbers, then a stalled consumer that must alert. */
class MonitorModelTest {

    private static final AlertThresholds THRESHOLDS = AlertThresholds.DEFAULTS.withMaxRetainedBytes(1L << 20)
            .withMaxLag(Duration.ofSeconds(5)).withMaxInactive(Duration.ofSeconds(10));

    @TempDir
    Path state;
    private MonitorFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aStoppedConsumerMakesRetentionAndLagGrowAndRaisesEachAlertWithoutRepeatingIt() throws Exception {
        f = new MonitorFixture(state, THRESHOLDS, "CREATE TABLE items (id int PRIMARY KEY, v text)");
        f.start();
        f.tickUntil("streaming", () -> f.pipeline().metrics().state() == PipelineState.STREAMING);
        f.r.source("INSERT INTO items SELECT g, 'v' FROM generate_series(1, 500) g");
        f.tickUntil("the pipeline applied the rows", () -> f.pipeline().metrics().changesApplied() == 500);
        f.tickUntil("a sample shows changes applied", () -> f.monitor().liveSamples().stream()
                .anyMatch(s -> s.changesApplied() > 0));
        PipelineMonitor m = f.monitor();
        assertThat(last(m.liveSlotPoints()).active()).isTrue();
        assertThat(f.model.sources).hasSize(1);
        assertThat(m.health.get()).isEqualTo(Health.OK);

        f.pipeline().stop();
        assertThat(f.pipeline().awaitTermination(Duration.ofSeconds(60))).isTrue();
        f.tick();
        HistoryPoint atStop = last(m.liveSlotPoints());
        f.r.source("INSERT INTO items SELECT g, repeat('x', 1000) FROM generate_series(1001, 4000) g");
        f.tickUntil("inactive, retained and lag alerts are active", () -> kinds().containsAll(
                List.of(AlertKind.WAL_RETAINED, AlertKind.INACTIVE, AlertKind.LAG)));
        int notified = f.notifications.size();
        for (int i = 0; i < 5; i++) {
            f.tick(); // alerts that stay active must not notify again
        }
        assertThat(f.notifications).hasSize(notified);

        HistoryPoint now = last(m.liveSlotPoints());
        assertThat(now.active()).isFalse();
        assertThat(now.retainedBytes()).isGreaterThan(atStop.retainedBytes() + (1L << 20));
        assertThat(now.lagBytes()).isGreaterThan(atStop.lagBytes() + (1L << 20));
        PipelineSample sample = m.latest();
        assertThat(sample.secondsBehind()).isGreaterThan(5);
        assertThat(m.health.get()).isEqualTo(Health.STOPPED);
        // the step clock runs ahead of the pipeline while it starts, so alerts may also have come and gone before
        assertThat(f.notifications).filteredOn(n -> n.severity() != null).extracting(MonitorFixture.Shown::text)
                .anyMatch(t -> t.contains(m.slotName()) && t.contains("holds") && t.contains("more than the alert limit"))
                .anyMatch(t -> t.contains(m.slotName()) && t.contains("has had no consumer"))
                .anyMatch(t -> t.contains(m.slotName()) && t.contains(" behind"));
        assertThat(f.model.alerts().events()).extracting(EventLine::text)
                .anyMatch(t -> t.contains("holds") && t.contains(m.slotName()))
                .anyMatch(t -> t.contains("pipeline " + m.name() + " is stopped"));
    }

    @Test
    void aFailedPipelineTurnsRedAndAlertsWithItsFix() throws Exception {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS, "CREATE TABLE items (id int PRIMARY KEY, v text)");
        f.start();
        f.tickUntil("streaming", () -> f.pipeline().metrics().state() == PipelineState.STREAMING);
        f.r.source("INSERT INTO items VALUES (1, 'fine')");
        f.tickUntil("the first row arrived", () -> f.pipeline().metrics().changesApplied() == 1);
        f.r.targetServer.exec(f.r.targetDb, "ALTER TABLE items ADD CONSTRAINT no_bad CHECK (v <> 'bad')");
        f.r.source("INSERT INTO items VALUES (2, 'bad')");
        f.tickUntil("the pipeline failed", () -> f.pipeline().metrics().state() == PipelineState.FAILED);
        f.tick();

        assertThat(f.monitor().health.get()).isEqualTo(Health.CRITICAL);
        Alert failed = f.model.alerts().activeFor(f.model.sources.get(0).key().toString(), f.monitor().slotName())
                .stream().filter(a -> a.kind() == AlertKind.PIPELINE_FAILED).findFirst().orElseThrow();
        assertThat(failed.message()).contains("rejected a row");
        assertThat(failed.fix()).contains("constraints");
        assertThat(f.notifications).anyMatch(n -> n.text().contains("rejected a row"));
    }

    private List<AlertKind> kinds() {
        return f.model.alerts().active().stream().filter(a -> a.slot().equals(f.monitor().slotName()))
                .map(Alert::kind).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
