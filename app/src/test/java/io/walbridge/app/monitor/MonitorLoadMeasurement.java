package io.walbridge.app.monitor;

import io.walbridge.app.AppWindow;
import io.walbridge.app.common.FxTaskRunner;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Services;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.Secret;
import io.walbridge.core.monitor.PipelineHistory;
import io.walbridge.core.monitor.PipelineSample;
import io.walbridge.core.setup.ConnectionFactory;
import io.walbridge.core.testing.PgServer;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not a CI test (its name is outside Surefire's patterns; run it with
 * {@code mvn -pl app -am -Dtest=MonitorLoadMeasurement -Dsurefire.failIfNoSpecifiedTests=false test}):
 * ten pipelines under load in the real monitor window (headless), a day of history on disk for each, the
 * dashboard switching pipelines and loading the 24-hour range. Reports the process's CPU (without the load
 * generator's own threads), the heap after a full GC, and how long the UI thread takes to answer.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorLoadMeasurement {

    private static final int PIPELINES = 10;
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration MEASURE = Duration.ofSeconds(60);
    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");
    @TempDir
    static Path config;
    private AppWindow window;
    private final List<String> sourceDbs = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), ConnectionFactory.PGJDBC, new PipelineStore(config),
                new FileSecretStore(config.resolve("secrets.properties")), new InProcessEngine());
        window = new AppWindow(stage, services, config);
        stage.setWidth(1400);
        stage.setHeight(1250);
        window.showMonitor(null);
        stage.show();
    }

    @Test
    void tenPipelinesUnderLoad(FxRobot robot) throws Exception {
        List<SavedPipeline> saved = new ArrayList<>();
        for (int i = 0; i < PIPELINES; i++) {
            String src = SOURCE.freshDatabase();
            String dst = TARGET.freshDatabase();
            String slot = "measure_" + src;
            SOURCE.exec(src, "CREATE TABLE orders (id bigint PRIMARY KEY, note text)", "CREATE PUBLICATION p FOR ALL TABLES",
                    "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
            sourceDbs.add(src);
            saved.add(new SavedPipeline("load-" + i, MonitorFixture.endpoint(SOURCE, src), "p", slot, List.of(),
                    SavedPipeline.POSTGRESQL, MonitorFixture.endpoint(TARGET, dst)));
            fillADayOfHistory("load-" + i);
        }
        for (SavedPipeline s : saved) {
            window.monitor().running().start(s, Secret.NONE, Secret.NONE);
        }
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.monitor().pipelines.size() == PIPELINES
                && window.monitor().pipelines.stream().allMatch(p -> "streaming".equals(p.stateText.get())));

        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (String db : sourceDbs) {
            Thread t = new Thread(() -> drive(db, loading), "load-" + db);
            t.start();
            load.add(t);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> uiDelays = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> probeUi(uiDelays, probing), "ui-probe");
        probe.start();
        Thread.sleep(WARM_UP.toMillis());

        long applied0 = applied();
        double load0 = os.getSystemLoadAverage();
        long fx0 = cpuOfThread(threads, "JavaFX Application Thread");
        long render0 = cpuOfThread(threads, "QuantumRenderer");
        long cpu0 = os.getProcessCpuTime();
        long loadCpu0 = cpu(threads, load);
        uiDelays.clear();
        long t0 = System.nanoTime();
        ListView<?> list = robot.lookup("#pipelines").queryAs(ListView.class);
        long dayLoads = 0;
        long dayLoadMillis = 0;
        while (System.nanoTime() - t0 < MEASURE.toNanos()) {
            for (int i = 0; i < PIPELINES && System.nanoTime() - t0 < MEASURE.toNanos(); i++) {
                int index = i;
                robot.interact(() -> list.getSelectionModel().select(index));
                long s = System.nanoTime();
                robot.interact(() -> robot.lookup("#range").queryAs(ChoiceBox.class).setValue(ChartRange.DAY));
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#chartNote").queryLabeled().getText()
                        .startsWith("reading"));
                dayLoadMillis += (System.nanoTime() - s) / 1_000_000;
                dayLoads++;
                robot.interact(() -> robot.lookup("#range").queryAs(ChoiceBox.class).setValue(ChartRange.LIVE_15_MIN));
                Thread.sleep(2_000);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0 - (cpu(threads, load) - loadCpu0);
        long appliedPerSecond = Math.round((applied() - applied0) / seconds);
        double fxCpu = 100.0 * (cpuOfThread(threads, "JavaFX Application Thread") - fx0) / (seconds * 1e9);
        double renderCpu = 100.0 * (cpuOfThread(threads, "QuantumRenderer") - render0) / (seconds * 1e9);
        double load1 = os.getSystemLoadAverage();
        probing.set(false);
        loading.set(false);
        for (Thread t : load) {
            t.join();
        }
        probe.join();
        System.gc();
        Thread.sleep(500);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        List<Long> delays = new ArrayList<>(uiDelays);
        Collections.sort(delays);
        String report = String.format(Locale.ROOT, """
                        monitor measurement, %s, %d cores, %s
                        pipelines: %d streaming, %,d changes/s applied in total
                        machine load average: %.1f at the start, %.1f at the end (other processes share the machine)
                        process CPU (without the load generator's threads): %.0f%% of one core (%.0f%% of the machine)
                        of which the UI thread: %.1f%% of one core, the renderer (software, headless): %.1f%%
                        heap used after full GC: %.0f MB (max heap %.0f MB)
                        UI thread answer time: p50 %d ms, p99 %d ms, max %d ms (%d probes, one every 50 ms)
                        24-hour chart range: %d loads, %d ms on average (10 series, <= 900 points each)
                        """, Instant.now(), os.getAvailableProcessors(), System.getProperty("java.version"), PIPELINES,
                appliedPerSecond, load0, load1, 100.0 * cpu / (seconds * 1e9), 100.0 * cpu / (seconds * 1e9) / os.getAvailableProcessors(), fxCpu, renderCpu,
                heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, pct(delays, 0.5), pct(delays, 0.99),
                delays.isEmpty() ? 0 : delays.get(delays.size() - 1), delays.size(), dayLoads,
                dayLoads == 0 ? 0 : dayLoadMillis / dayLoads);
        System.out.println(report);
        Files.writeString(Path.of("target", "monitor-measurement.txt"), report);
        window.shutdown();
        for (SavedPipeline s : saved) {
            // the server ends a walsender a moment after its client left: drop once the slot is free
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "1".equals(SOURCE.scalar(s.source().database(),
                    "SELECT count(*) FROM (SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                            + " WHERE slot_name = '" + s.slot() + "' AND NOT active) d")));
        }
    }

    private long applied() {
        return window.monitor().pipelines.stream().mapToLong(p -> p.running().pipeline().metrics().changesApplied()).sum();
    }

    private static long cpu(ThreadMXBean threads, List<Thread> load) {
        return load.stream().mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    private static long cpuOfThread(ThreadMXBean threads, String namePrefix) {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(namePrefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Every 5 s of the last day, so the 24-hour range reads a full ring file (the file's size does not depend on it). */
    private static void fillADayOfHistory(String pipeline) {
        try (PipelineHistory h = PipelineHistory.forPipeline(config.resolve("monitor"), pipeline)) {
            Instant now = Instant.now();
            for (long s = 86_400; s > 60; s -= 5) {
                long v = 500 + (s / 60) % 300;
                h.record(new PipelineSample(now.minusSeconds(s), v, v, v * 200, v * 220, s % 7, 20, 80));
            }
        }
    }

    /** One source's load: 100 rows inserted and 20 updated every 100 ms, until told to stop (bounded: 10 minutes). */
    private static void drive(String db, AtomicBoolean loading) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long next = 1;
        while (loading.get() && System.nanoTime() < until) {
            SOURCE.exec(db, "INSERT INTO orders SELECT g, repeat('x', 100) FROM generate_series(" + next + ", " + (next + 99)
                    + ") g", "UPDATE orders SET note = 'u' WHERE id BETWEEN " + Math.max(1, next - 50) + " AND " + (next - 30));
            next += 100;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Posts a no-op to the UI thread every 50 ms and records how long it waited: what a user would feel as lag. */
    private static void probeUi(List<Long> delays, AtomicBoolean probing) {
        while (probing.get()) {
            long posted = System.nanoTime();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(() -> {
                delays.add((System.nanoTime() - posted) / 1_000_000);
                ran.countDown();
            });
            try {
                ran.await(10, TimeUnit.SECONDS);
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
