package io.walbridge.core.monitor;

import io.walbridge.core.testing.ManualClock;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts fire for real conditions on a real server: a stopped consumer, WAL piling up, a slot being lost. */
class AlertsTest {

    private final ManualClock clock = ManualClock.beforeServerTimes();

    private static List<Alert> alertsOf(String slot, List<Alert> all) {
        return all.stream().filter(a -> a.slot().equals(slot)).toList();
    }

    @Test
    void stoppedConsumerRaisesInactiveAndRetentionAlertsThatSayHowToDropTheSlot() throws Exception {
        Alerts alerts = new Alerts(AlertThresholds.DEFAULTS.withMaxRetainedBytes(1 << 20).withMaxInactive(Duration.ofMinutes(10)));
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.logicalSlot("wbmon_alert");
            f.consume(slot, "walbridge");
            assertThat(alertsOf(slot, alerts.evaluate(monitor.poll()))).as("while consumed").isEmpty();

            f.stopConsumers();
            clock.advance(Duration.ofSeconds(1));
            Instant stopped = clock.instant();
            assertThat(alertsOf(slot, alerts.evaluate(monitor.poll()))).as("just stopped, little WAL").isEmpty();

            f.writeWal(20_000);
            clock.advance(Duration.ofMinutes(10));
            SourceSlots atTen = monitor.poll();
            assertThat(alertsOf(slot, alerts.evaluate(atTen))).extracting(Alert::kind).as("10 min is not more than 10 min")
                    .containsExactly(AlertKind.WAL_RETAINED);

            clock.advance(Duration.ofSeconds(1));
            SourceSlots later = monitor.poll();
            SlotStatus s = later.slot(slot).orElseThrow();
            List<Alert> fired = alertsOf(slot, alerts.evaluate(later));
            assertThat(fired).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.WAL_RETAINED, AlertKind.INACTIVE);
            assertThat(fired).allSatisfy(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));

            String held = HumanUnits.bytes(s.retainedBytes());
            Alert inactive = fired.stream().filter(a -> a.kind() == AlertKind.INACTIVE).findFirst().orElseThrow();
            assertThat(inactive.message()).isEqualTo("slot '" + slot + "' has had no consumer since "
                    + AlertText.TIME.format(stopped) + " (10 min) and holds " + held + " of WAL the server cannot remove");
            assertThat(inactive.fix()).isEqualTo("start its consumer again so it catches up; if nothing uses the slot any"
                    + " more, drop it to free " + held + " — in database '" + f.db + "': SELECT pg_drop_replication_slot('"
                    + slot + "');");
            Alert retained = fired.stream().filter(a -> a.kind() == AlertKind.WAL_RETAINED).findFirst().orElseThrow();
            assertThat(retained.message()).isEqualTo("slot '" + slot + "' holds " + held
                    + " of WAL, more than the alert limit of 1.0 MB");
        }
    }

    @Test
    void slotNearMaxSlotWalKeepSizeIsCriticalThenUnreservedThenLost() throws Exception {
        try (PgServer server = PgServer.start(b -> b.setServerConfig("max_slot_wal_keep_size", "16MB"));
             SlotFixture f = new SlotFixture(server);
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            Alerts alerts = new Alerts(AlertThresholds.DEFAULTS);
            String slot = f.logicalSlot("wbmon_keep");

            f.writeWal(70_000); // about 10 MB: past half of the 16 MB the server keeps for a slot
            SourceSlots half = monitor.poll();
            assertThat(half.maxSlotWalKeepSize()).isEqualTo(16L << 20);
            assertThat(half.slot(slot).orElseThrow().safeWalSize()).isPositive();
            Alert critical = alertsOf(slot, alerts.evaluate(half)).get(0);
            assertThat(critical.kind()).isEqualTo(AlertKind.WAL_RETAINED);
            assertThat(critical.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(critical.message()).contains("% of max_slot_wal_keep_size (16 MB); at 100% the server invalidates the slot");

            f.writeWal(150_000);
            f.server.exec(f.db, "SELECT pg_switch_wal()");
            clock.advance(Duration.ofSeconds(1));
            SourceSlots over = monitor.poll();
            assertThat(over.slot(slot).orElseThrow().walStatus()).isEqualTo("unreserved");
            assertThat(alertsOf(slot, alerts.evaluate(over))).extracting(Alert::kind)
                    .containsExactly(AlertKind.WAL_UNRESERVED, AlertKind.WAL_RETAINED);

            f.server.exec(f.db, "CHECKPOINT");
            clock.advance(Duration.ofHours(1));
            SourceSlots lost = monitor.poll();
            assertThat(lost.slot(slot).orElseThrow().walStatus()).isEqualTo("lost");
            List<Alert> fired = alertsOf(slot, alerts.evaluate(lost));
            assertThat(fired).extracting(Alert::kind).as("nothing but 'lost' matters any more")
                    .containsExactly(AlertKind.SLOT_LOST);
            assertThat(fired.get(0).severity()).isEqualTo(Severity.CRITICAL);
            assertThat(fired.get(0).fix()).startsWith("drop the slot (in database '" + f.db
                    + "': SELECT pg_drop_replication_slot('" + slot + "');), create it again and take a new initial"
                    + " snapshot of the tables (re-snapshot)");
        }
    }

    @Test
    void pipelineBehindRaisesLagButAnIdlePipelineDoesNot() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String behind = f.logicalSlot("wbmon_behind");
            String idle = f.logicalSlot("wbmon_idle");
            Instant start = clock.instant();
            // both pipelines last applied a commit a day ago; only one of them has had anything to apply since
            PipelineHealth lastCommitLongAgo = new PipelineHealth(start.minus(Duration.ofDays(1)), null, null);
            Alerts alerts = new Alerts(AlertThresholds.DEFAULTS, slot -> Optional.of(lastCommitLongAgo));
            f.writeWal(1_000);
            advanceToEndOfWal(f, idle);
            assertThat(alerts.evaluate(monitor.poll())).filteredOn(a -> a.slot().equals(behind) || a.slot().equals(idle))
                    .isEmpty();
            for (int minute = 1; minute <= 6; minute++) {
                clock.advance(Duration.ofMinutes(1));
                advanceToEndOfWal(f, idle);
                SourceSlots poll = monitor.poll();
                List<Alert> fired = alerts.evaluate(poll);
                assertThat(alertsOf(idle, fired)).as("idle pipeline at minute %d", minute).isEmpty();
                assertThat(alertsOf(behind, fired)).extracting(Alert::kind).as("minute %d", minute)
                        .containsExactlyElementsOf(minute <= 5 ? List.of() : List.of(AlertKind.LAG));
            }
            Alert lag = alertsOf(behind, alerts.evaluate(monitor.poll())).get(0);
            assertThat(lag.message()).startsWith("slot '" + behind + "' is 6 min behind (");
        }
    }

    @Test
    void failedPipelineIsCriticalWithItsOwnFix() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.logicalSlot("walbridge_failed");
            Map<String, PipelineHealth> pipelines = Map.of(slot, new PipelineHealth(null,
                    "destination table public.orders has no column \"note\"", "add the column on the destination"));
            List<Alert> fired = alertsOf(slot, new Alerts(AlertThresholds.DEFAULTS,
                    s -> Optional.ofNullable(pipelines.get(s))).evaluate(monitor.poll()));

            assertThat(fired).containsExactly(new Alert(slot, AlertKind.PIPELINE_FAILED, Severity.CRITICAL,
                    "the WalBridge pipeline reading slot '" + slot + "' stopped: destination table public.orders has no"
                            + " column \"note\"", "add the column on the destination"));
        }
    }

    /** What a consumer of an idle source does: confirm everything up to the end of WAL. */
    private static void advanceToEndOfWal(SlotFixture f, String slot) {
        f.server.exec(f.db, "SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_lsn())");
    }
}
