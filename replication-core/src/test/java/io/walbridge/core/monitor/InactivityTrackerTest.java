package io.walbridge.core.monitor;

import io.walbridge.core.source.PgEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Inactive since" per slot: first sighting, the server's earlier word, forgetting, and the state file. */
class InactivityTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private static final PgEndpoint SOURCE = PgEndpoint.parse("postgresql://u@db.example.com:5433/shop");

    private static SlotStatus slot(String name, boolean active, Instant serverSince) {
        SlotStatus s = active ? Slots.active(name, 0, null, null) : Slots.inactive(name, 0, null);
        return new SlotStatus(s.name(), s.plugin(), s.slotType(), s.database(), s.active(), s.activePid(),
                s.applicationName(), s.clientAddress(), s.restartLsn(), s.confirmedFlushLsn(), s.retainedBytes(),
                s.lagBytes(), s.walStatus(), s.safeWalSize(), s.flushLag(), serverSince, s.engine(), null, null);
    }

    @Test
    void keepsTheFirstSightingUntilTheSlotIsUsedAgain() {
        InactivityTracker t = InactivityTracker.inMemory();

        assertThat(t.update(List.of(slot("a", false, null)), T0)).containsEntry("a", T0);
        assertThat(t.update(List.of(slot("a", false, null)), T0.plusSeconds(60))).containsEntry("a", T0);
        assertThat(t.update(List.of(slot("a", true, null)), T0.plusSeconds(120))).doesNotContainKey("a");
        assertThat(t.update(List.of(slot("a", false, null)), T0.plusSeconds(180))).containsEntry("a", T0.plusSeconds(180));
    }

    @Test
    void theServersEarlierInactiveSinceWins() {
        InactivityTracker t = InactivityTracker.inMemory();
        Instant serverSaw = T0.minus(Duration.ofDays(3));

        assertThat(t.update(List.of(slot("a", false, serverSaw)), T0)).containsEntry("a", serverSaw);
        assertThat(t.update(List.of(slot("b", false, T0.plusSeconds(5))), T0)).as("server clock ahead of ours")
                .containsEntry("b", T0);
    }

    @Test
    void droppedSlotsAreForgotten() {
        InactivityTracker t = InactivityTracker.inMemory();
        t.update(List.of(slot("gone", false, null)), T0);

        assertThat(t.update(List.of(), T0.plusSeconds(60))).isEmpty();
        assertThat(t.update(List.of(slot("gone", false, null)), T0.plusSeconds(120))).containsEntry("gone", T0.plusSeconds(120));
    }

    @Test
    void aSecondTrackerReadsWhatTheFirstSaved(@TempDir Path dir) throws Exception {
        InactivityTracker.persistent(dir, SOURCE).update(List.of(slot("a", false, null), slot("b", true, null)), T0);

        InactivityTracker next = InactivityTracker.persistent(dir, SOURCE);
        assertThat(next.update(List.of(slot("a", false, null)), T0.plusSeconds(3600))).containsEntry("a", T0);
        Path file = dir.resolve("inactive-slots-db.example.com-5433.json");
        assertThat(next.stateFile()).contains(file);
        assertThat(Files.readString(file)).contains("\"source\" : \"db.example.com:5433\"")
                .contains("\"a\" : \"2026-11-20T12:00:00Z\"").doesNotContain("\"b\"");
        assertThat(next.saveProblem()).isEmpty();
    }

    @Test
    void anUnreadableStateFileStartsAfresh(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inactive-slots-db.example.com-5433.json"), "{ not json");

        assertThat(InactivityTracker.persistent(dir, SOURCE).update(List.of(slot("a", false, null)), T0))
                .containsEntry("a", T0);
    }

    @Test
    void anUnwritableStateDirectoryIsReportedNotFatal(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        InactivityTracker t = InactivityTracker.persistent(notADirectory, SOURCE);

        assertThat(t.update(List.of(slot("a", false, null)), T0)).containsEntry("a", T0);
        assertThat(t.saveProblem()).hasValueSatisfying(p -> {
            assertThat(p.problem()).startsWith("could not save the monitor state to " + notADirectory);
            assertThat(p.fix()).contains("--state-dir");
        });
    }
}
