package io.walbridge.core.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pipeline's chart history on disk: every figure comes back, bounded in size, downsampled to the peaks. */
class PipelineHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private static PipelineSample sample(long second, long changes) {
        return new PipelineSample(T0.plusSeconds(second).plusMillis(300), changes, changes - 1, changes * 100,
                changes * 90, second % 7, 12, 40 + changes);
    }

    @Test
    void keepsEveryFigureOfEachSecondAcrossReopening(@TempDir Path dir) {
        try (PipelineHistory h = PipelineHistory.forPipeline(dir, "orders/eu")) {
            for (int s = 0; s < 10; s++) {
                h.record(sample(s, 50 + s));
            }
        }
        try (PipelineHistory h = PipelineHistory.forPipeline(dir, "orders/eu")) {
            List<PipelineSample> back = h.points(T0, T0.plusSeconds(9), 100);
            assertThat(back).hasSize(10);
            assertThat(back.get(3)).isEqualTo(new PipelineSample(T0.plusSeconds(3), 53, 52, 5300, 4770, 3, 12, 93));
        }
    }

    @Test
    void aDayFitsInAFixedSizeAndLongRangesShowEachBucketsPeak(@TempDir Path dir) {
        try (PipelineHistory h = new PipelineHistory(dir, 600)) {
            for (int s = 0; s < 1_500; s++) {
                h.record(sample(s, s == 1_234 ? 9_999 : 10));
            }
            assertThat(h.sizeOnDisk()).isEqualTo(4 * (32 + 600 * 32L));
            List<PipelineSample> coarse = h.points(T0, T0.plusSeconds(1_499), 30);
            assertThat(coarse).hasSizeLessThanOrEqualTo(30).allSatisfy(p -> assertThat(p.time()).isAfterOrEqualTo(T0.plusSeconds(900)));
            assertThat(coarse).extracting(PipelineSample::changesRead).contains(9_999L);
        }
    }
}
