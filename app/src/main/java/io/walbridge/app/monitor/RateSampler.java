package io.walbridge.app.monitor;

import io.walbridge.core.monitor.PipelineHealth;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.TimeBehind;
import io.walbridge.core.pipeline.ApplyLatency;
import io.walbridge.core.pipeline.PipelineMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns a pipeline's ever-growing counters into per-second rates, one sample per call. */
final class RateSampler {

    private long changesRead;
    private long changesApplied;
    private long bytesRead;
    private long bytesApplied;
    private long latencies;
    private Instant last;
    private PipelineMetrics source;

    /**
     * @param slot the pipeline's slot as the latest poll saw it; null when the source could not be read (then
     *             how far behind is unknown)
     */
    synchronized PipelineSample sample(PipelineMetrics m, SlotStatus slot, Instant now) {
        if (m != source) {
            // a restarted pipeline counts from zero again: its first second is a baseline, not a drop
            source = m;
            changesRead = m.changesRead();
            changesApplied = m.changesApplied();
            bytesRead = m.bytesRead();
            bytesApplied = m.bytesApplied();
            latencies = m.latency().recorded();
            last = now;
            return new PipelineSample(now, 0, 0, 0, 0, behind(m, slot, now), -1, -1);
        }
        double seconds = Math.max(0.001, Duration.between(last, now).toMillis() / 1000.0);
        // by count, not by time: the engine's clock and the monitor's need not agree
        long recorded = m.latency().recorded();
        Optional<ApplyLatency.Percentiles> latency = m.latency().after(latencies);
        latencies = recorded;
        PipelineSample s = new PipelineSample(now,
                rate(m.changesRead() - changesRead, seconds), rate(m.changesApplied() - changesApplied, seconds),
                rate(m.bytesRead() - bytesRead, seconds), rate(m.bytesApplied() - bytesApplied, seconds),
                behind(m, slot, now),
                latency.map(p -> p.p50().toMillis()).orElse(-1L), latency.map(p -> p.p99().toMillis()).orElse(-1L));
        changesRead = m.changesRead();
        changesApplied = m.changesApplied();
        bytesRead = m.bytesRead();
        bytesApplied = m.bytesApplied();
        last = now;
        return s;
    }

    private static long rate(long delta, double seconds) {
        return Math.max(0, Math.round(delta / seconds));
    }

    private static long behind(PipelineMetrics m, SlotStatus slot, Instant now) {
        if (slot == null) {
            return -1;
        }
        return TimeBehind.of(slot, now, PipelineHealth.of(m)).map(Duration::getSeconds).orElse(-1L);
    }
}
