package io.walbridge.core.monitor;

import io.walbridge.core.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The slot monitor against a real PostgreSQL 17: what one poll reports, and how it changes between polls. */
class SlotMonitorTest {

    private final ManualClock clock = ManualClock.beforeServerTimes();

    @Test
    void retentionAndLagGrowWhileTheConsumerIsStopped() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.logicalSlot("wbmon_grow");
            SlotStatus before = monitor.poll().slot(slot).orElseThrow();

            f.writeWal(20_000);
            clock.advance(Duration.ofSeconds(5));
            SourceSlots later = monitor.poll();
            SlotStatus after = later.slot(slot).orElseThrow();

            assertThat(after.retainedBytes()).isGreaterThan(before.retainedBytes() + 1_000_000);
            assertThat(after.lagBytes()).isGreaterThan(before.lagBytes() + 1_000_000);
            assertThat(after.retainedBytes()).isEqualTo(later.currentLsn().minus(after.restartLsn()));
            assertThat(after.lagBytes()).isEqualTo(later.currentLsn().minus(after.confirmedFlushLsn()));
            assertThat(after.restartLsn()).isEqualTo(before.restartLsn());
            assertThat(after.name()).isEqualTo(slot);
            assertThat(after.plugin()).isEqualTo("pgoutput");
            assertThat(after.slotType()).isEqualTo("logical");
            assertThat(after.database()).isEqualTo(f.db);
            assertThat(after.active()).isFalse();
            assertThat(after.activePid()).isNull();
            assertThat(after.walStatus()).isEqualTo("reserved");
            assertThat(after.safeWalSize()).as("unlimited max_slot_wal_keep_size").isNull();
            assertThat(after.inactiveSince()).isEqualTo(clock.instant().minusSeconds(5));
            assertThat(after.behindSince()).as("behind since a poll that saw WAL it has not confirmed")
                    .isIn(clock.instant().minusSeconds(5), clock.instant());
            assertThat(later.maxSlotWalKeepSize()).isEqualTo(-1);
            assertThat(later.serverVersion()).isGreaterThanOrEqualTo(170_000);
            assertThat(later.takenAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void pollsTheServerAtMostOnceASecond() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            SourceSlots first = monitor.poll();
            clock.advance(Duration.ofMillis(999));
            assertThat(monitor.poll()).isSameAs(first);
            clock.advance(Duration.ofMillis(1));
            assertThat(monitor.poll()).isNotSameAs(first);
        }
    }

    @Test
    void showsWhoConsumesAnActiveSlotAndWhenItStopped() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.logicalSlot("wbmon_consumer");
            f.consume(slot, "Debezium Streaming");

            SlotStatus active = monitor.poll().slot(slot).orElseThrow();
            assertThat(active.active()).isTrue();
            assertThat(active.activePid()).isNotNull();
            assertThat(active.applicationName()).isEqualTo("Debezium Streaming");
            assertThat(active.clientAddress()).isIn("127.0.0.1", "::1");
            assertThat(active.engine()).isEqualTo(ConsumerEngine.DEBEZIUM);
            assertThat(active.inactiveSince()).isNull();

            f.stopConsumers();
            clock.advance(Duration.ofMinutes(1));
            SlotStatus stopped = monitor.poll().slot(slot).orElseThrow();
            assertThat(stopped.active()).isFalse();
            assertThat(stopped.applicationName()).isNull();
            assertThat(stopped.engine()).as("recognised by its slot name no more").isEqualTo(ConsumerEngine.UNKNOWN);
            assertThat(stopped.inactiveSince()).isEqualTo(clock.instant());
            assertThat(stopped.serverInactiveSince()).isAfterOrEqualTo(clock.instant());
        }
    }

    @Test
    void inactiveSinceSurvivesARestartThroughTheStateFile(@TempDir Path stateDir) throws Exception {
        try (SlotFixture f = new SlotFixture()) {
            String slot = f.logicalSlot("wbmon_state");
            Instant firstSeen = clock.instant();
            try (SlotMonitor cronRun = new SlotMonitor(f.endpoint(), clock, InactivityTracker.persistent(stateDir, f.endpoint()))) {
                assertThat(cronRun.poll().slot(slot).orElseThrow().inactiveSince()).isEqualTo(firstSeen);
            }

            clock.advance(Duration.ofHours(2));
            try (SlotMonitor nextRun = new SlotMonitor(f.endpoint(), clock, InactivityTracker.persistent(stateDir, f.endpoint()))) {
                SlotStatus s = nextRun.poll().slot(slot).orElseThrow();
                assertThat(s.inactiveSince()).isEqualTo(firstSeen);
                assertThat(s.inactiveFor(clock.instant())).contains(Duration.ofHours(2));
            }
            assertThat(Files.list(stateDir)).singleElement().satisfies(p ->
                    assertThat(p.getFileName().toString()).isEqualTo("inactive-slots-localhost-" + f.server.port() + ".json"));
        }
    }

    @Test
    void physicalSlotsHaveNoPluginNorLagAndBelongToAStandby() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.physicalSlot("wbmon_physical");
            f.writeWal(1_000);
            SlotStatus s = monitor.poll().slot(slot).orElseThrow();

            assertThat(s.slotType()).isEqualTo("physical");
            assertThat(s.plugin()).isNull();
            assertThat(s.database()).isNull();
            assertThat(s.lagBytes()).isNull();
            assertThat(s.confirmedFlushLsn()).isNull();
            assertThat(s.retainedBytes()).isPositive();
            assertThat(s.engine()).isEqualTo(ConsumerEngine.STANDBY);
        }
    }

    @Test
    void statementsForOlderServersSelectTheMissingColumnsAsNull() throws Exception {
        try (SlotFixture f = new SlotFixture(); Connection c = f.server.connect(f.db)) {
            String slot = f.logicalSlot("wbmon_old");
            for (int version : new int[]{100_000, 120_000, 160_000}) {
                SlotQuery.Result r = new SlotQuery(version).run(c);
                SlotStatus s = r.slots().stream().filter(x -> x.name().equals(slot)).findFirst().orElseThrow();
                assertThat(s.retainedBytes()).as("PG %d", version).isNotNull();
                assertThat(s.serverInactiveSince()).as("PG %d", version).isNull();
                if (version < 130_000) {
                    assertThat(s.walStatus()).isNull();
                    assertThat(r.maxSlotWalKeepSize()).isEqualTo(-1);
                } else {
                    assertThat(s.walStatus()).isEqualTo("reserved");
                }
            }
            assertThat(new SlotQuery(170_000).run(c).slots()).filteredOn(x -> x.name().equals(slot))
                    .singleElement().satisfies(s -> assertThat(s.serverInactiveSince()).isNotNull());
        }
    }

    @Test
    void behindSinceIsTheOldestPollWhosePositionTheConsumerHasNotConfirmed() throws Exception {
        try (SlotFixture f = new SlotFixture();
             SlotMonitor monitor = new SlotMonitor(f.endpoint(), clock, InactivityTracker.inMemory())) {
            String slot = f.logicalSlot("wbmon_catchup");
            f.writeWal(100);
            Instant first = clock.instant();
            SourceSlots firstPoll = monitor.poll();
            assertThat(firstPoll.slot(slot).orElseThrow().behindSince()).isEqualTo(first);

            clock.advance(Duration.ofSeconds(10));
            Instant second = clock.instant();
            f.writeWal(100);
            assertThat(monitor.poll().slot(slot).orElseThrow().behindSince()).isEqualTo(first);

            // a consumer confirms everything up to the first poll's position, then everything
            f.server.exec(f.db, "SELECT pg_replication_slot_advance('" + slot + "', '" + firstPoll.currentLsn() + "')");
            clock.advance(Duration.ofSeconds(10));
            assertThat(monitor.poll().slot(slot).orElseThrow().behindSince()).isEqualTo(second);

            f.server.exec(f.db, "SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_lsn())");
            clock.advance(Duration.ofSeconds(10));
            assertThat(monitor.poll().slot(slot).orElseThrow().behindSince()).isNull();
        }
    }
}
