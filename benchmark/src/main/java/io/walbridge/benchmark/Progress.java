package io.walbridge.benchmark;

import java.io.PrintStream;

/** Progress lines while the benchmark runs (the table comes at the end). */
final class Progress {

    /** One timed run: returns its seconds; calls {@code settled} once its consumer has ended, before checking results. */
    interface TimedRun {
        double run(Runnable settled) throws InterruptedException;
    }

    private final PrintStream out;
    private final long start = System.nanoTime();
    private CpuMeter cpu;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** From now on each timed run also says how much CPU each party used. */
    void measureCpu(CpuMeter meter) {
        this.cpu = meter;
    }

    /** CPU use once ended connections' server processes have exited and been counted (they end just after). */
    private long[] settledSample() {
        if (cpu == null) {
            return null;
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cpu.sample();
    }

    void say(String line) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, line);
        out.flush();
    }

    double timed(String what, TimedRun run) throws InterruptedException {
        long[] before = cpu == null ? null : cpu.sample();
        long[][] after = new long[1][];
        double s = run.run(() -> after[0] = settledSample());
        String used = cpu == null ? "" : cpu.between(before, after[0] != null ? after[0] : settledSample());
        say(what + ": " + ResultTable.seconds(s) + " s" + (used.isEmpty() ? "" : " (" + used + ")"));
        return s;
    }
}
