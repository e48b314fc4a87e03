package io.walbridge.core.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pipeline's throughput, lag and latency of the last day on disk, for charts scrolled back beyond the
 * live window. It reuses the slot history's fixed-size ring files ({@link RingFileSeries}: two figures and a
 * flag per second), one file per pair of figures, so a pipeline's history never outgrows about 10.5 MB.
 * Reading back downsamples each bucket to its highest figures, so a short spike stays visible.
 */
public final class PipelineHistory implements AutoCloseable {

    private static final String[] FILES = {"changes", "bytes", "latency", "behind"};

    private final RingFileSeries changes;
    private final RingFileSeries bytes;
    private final RingFileSeries latency;
    private final RingFileSeries behind;

    /** History under {@code stateDir/history/pipelines/<pipeline>/}. */
    public static PipelineHistory forPipeline(Path stateDir, String pipeline) {
        return new PipelineHistory(stateDir.resolve("history").resolve("pipelines").resolve(SlotHistory.encode(pipeline)),
                SlotHistory.DAY_SECONDS);
    }

    PipelineHistory(Path directory, int seconds) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the pipeline history directory " + directory, e);
        }
        changes = new RingFileSeries(directory.resolve(FILES[0] + ".wbh"), seconds);
        bytes = new RingFileSeries(directory.resolve(FILES[1] + ".wbh"), seconds);
        latency = new RingFileSeries(directory.resolve(FILES[2] + ".wbh"), seconds);
        behind = new RingFileSeries(directory.resolve(FILES[3] + ".wbh"), seconds);
    }

    /** Stores one sample at its whole second; a later sample of the same second replaces it. */
    public synchronized void record(PipelineSample s) {
        Instant t = s.time().truncatedTo(ChronoUnit.SECONDS);
        // the ring record holds two figures and a flag; "active" marks a second that was sampled
        changes.add(new HistoryPoint(t, s.changesRead(), s.changesApplied(), true));
        bytes.add(new HistoryPoint(t, s.bytesRead(), s.bytesApplied(), true));
        latency.add(new HistoryPoint(t, s.p50Millis(), s.p99Millis(), true));
        behind.add(new HistoryPoint(t, s.secondsBehind(), 0, true));
    }

    /** The samples in {@code [from, to]}, at most {@code maxPoints}, each bucket at its highest figures. */
    public synchronized List<PipelineSample> points(Instant from, Instant to, int maxPoints) {
        Map<Instant, HistoryPoint[]> byTime = new TreeMap<>();
        RingFileSeries[] all = {changes, bytes, latency, behind};
        for (int i = 0; i < all.length; i++) {
            for (HistoryPoint p : all[i].points(from, to, maxPoints)) {
                byTime.computeIfAbsent(p.time(), t -> new HistoryPoint[all.length])[i] = p;
            }
        }
        List<PipelineSample> out = new ArrayList<>(byTime.size());
        for (Map.Entry<Instant, HistoryPoint[]> e : byTime.entrySet()) {
            HistoryPoint[] p = e.getValue();
            if (p[0] == null || p[1] == null || p[2] == null || p[3] == null) {
                continue; // a second torn between files: skip it rather than show half of it
            }
            out.add(new PipelineSample(e.getKey(), p[0].retainedBytes(), p[0].lagBytes(), p[1].retainedBytes(),
                    p[1].lagBytes(), p[3].retainedBytes(), p[2].retainedBytes(), p[2].lagBytes()));
        }
        return out;
    }

    /** Bytes on disk: fixed whatever the load. */
    public long sizeOnDisk() {
        return changes.size() + bytes.size() + latency.size() + behind.size();
    }

    @Override
    public synchronized void close() {
        changes.close();
        bytes.close();
        latency.close();
        behind.close();
    }
}
