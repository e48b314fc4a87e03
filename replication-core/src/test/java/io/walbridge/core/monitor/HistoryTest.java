package io.walbridge.core.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart history: bounded in memory and on disk, and downsampled without hiding a spike. */
class HistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private static HistoryPoint point(long second, long retained) {
        return new HistoryPoint(T0.plusSeconds(second), retained, retained / 2, true);
    }

    @Test
    void ringFileKeepsOnlyItsWindowAndNeverGrows(@TempDir Path dir) {
        Path file = dir.resolve("slot.wbh");
        try (RingFileSeries series = new RingFileSeries(file, 100)) {
            for (int s = 0; s < 350; s++) {
                series.add(point(s, s));
            }
            assertThat(file).hasSize(series.size()).hasSize(32 + 100 * 32);
            List<HistoryPoint> all = series.points(T0, T0.plusSeconds(349), 1_000);
            assertThat(all).hasSize(100);
            assertThat(all.get(0)).isEqualTo(point(250, 250));
            assertThat(all.get(99)).isEqualTo(point(349, 349));
            assertThat(series.newest()).isEqualTo(T0.plusSeconds(349));
        }
        try (RingFileSeries reopened = new RingFileSeries(file, 100)) {
            assertThat(reopened.points(T0.plusSeconds(340), T0.plusSeconds(345), 10)).extracting(HistoryPoint::retainedBytes)
                    .containsExactly(340L, 341L, 342L, 343L, 344L, 345L);
        }
    }

    @Test
    void ringFileSkipsSecondsWithoutAPoint(@TempDir Path dir) {
        try (RingFileSeries series = new RingFileSeries(dir.resolve("gaps.wbh"), 60)) {
            series.add(point(10, 1));
            series.add(point(12, 2));
            series.add(new HistoryPoint(T0.plusSeconds(12).plusMillis(700), 3, -1, false));

            assertThat(series.points(T0, T0.plusSeconds(59), 60)).containsExactly(point(10, 1),
                    new HistoryPoint(T0.plusSeconds(12), 3, -1, false));
        }
    }

    @Test
    void downsamplingKeepsTheWorstOfEachBucket() {
        MemorySeries series = new MemorySeries(86_400);
        for (int s = 0; s < 86_400; s++) {
            series.add(new HistoryPoint(T0.plusSeconds(s), s == 50_000 ? 999_999 : 10, 5, s != 70_000));
        }

        List<HistoryPoint> chart = series.points(T0, T0.plusSeconds(86_399), 500);

        assertThat(chart).hasSizeLessThanOrEqualTo(500).hasSizeGreaterThan(450);
        assertThat(chart).filteredOn(p -> p.retainedBytes() == 999_999).hasSize(1);
        assertThat(chart).filteredOn(p -> !p.active()).hasSize(1);
        assertThat(chart).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
        assertThat(series.points(T0, T0.plusSeconds(9), 500)).as("fewer points than asked for: all of them").hasSize(10);
        assertThat(series.points(T0, T0.plusSeconds(86_399), 1)).singleElement()
                .satisfies(p -> assertThat(p.retainedBytes()).isEqualTo(999_999));
    }

    @Test
    void memorySeriesIsBounded() {
        MemorySeries series = new MemorySeries(60);
        for (int s = 0; s < 600; s++) {
            series.add(point(s, s));
        }
        series.add(point(599, 7)); // the same second again replaces it

        assertThat(series.size()).isEqualTo(60);
        assertThat(series.oldest()).isEqualTo(T0.plusSeconds(540));
        assertThat(series.points(T0, T0.plusSeconds(600), 1_000)).last().isEqualTo(point(599, 7));
    }

    @Test
    void slotHistoryServesRecentRangesFromMemoryAndOlderOnesFromDiskThenPrunesDroppedSlots(@TempDir Path dir) throws Exception {
        try (SlotHistory history = new SlotHistory(dir, 3_600, 60)) {
            for (int s = 0; s < 600; s++) {
                Instant at = T0.plusSeconds(s);
                history.record(Slots.source(at, -1, Slots.inactive("a", s, at), Slots.inactive("b", 1, at)));
            }
            assertThat(history.points("a", T0.plusSeconds(580), T0.plusSeconds(599), 100)).hasSize(20);
            assertThat(history.points("a", T0, T0.plusSeconds(599), 100)).as("older than memory: from disk").hasSize(100)
                    .last().satisfies(p -> assertThat(p.retainedBytes()).isEqualTo(599));
            assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("a.wbh", "b.wbh");

            // "b" is dropped: its file stays for charts of the last window, then goes
            Instant later = T0.plusSeconds(600);
            history.record(Slots.source(later, -1, Slots.inactive("a", 1, later)));
            assertThat(history.points("b", T0, later, 10)).isNotEmpty();
            history.prune(T0.plus(Duration.ofSeconds(600 + 3_600)), java.util.Set.of("a"));
            assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.wbh");
            assertThat(history.points("b", T0, later, 10)).isEmpty();
        }
    }

    @Test
    void oddSlotNamesBecomeSafeFileNames() {
        assertThat(SlotHistory.encode("walbridge_slot")).isEqualTo("walbridge_slot");
        assertThat(SlotHistory.encode("../Évil")).isEqualTo("%2E%2E%2F%C3%89vil");
        assertThat(SlotHistory.decode(SlotHistory.encode("../Évil"))).isEqualTo("../Évil");
    }
}
