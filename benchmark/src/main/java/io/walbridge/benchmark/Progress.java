package io.walbridge.benchmark;

import java.io.PrintStream;

/** Progress lines while the benchmark runs (the table comes at the end). */
final class Progress {

    /** One timed run: returns its seconds. */
    interface TimedRun {
        double run() throws InterruptedException;
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

    void say(String line) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, line);
        out.flush();
    }

    double timed(String what, TimedRun run) throws InterruptedException {
        long[] before = cpu == null ? null : cpu.sample();
        double s = run.run();
        String used = cpu == null ? "" : cpu.between(before, cpu.sample());
        say(what + ": " + ResultTable.seconds(s) + " s" + (used.isEmpty() ? "" : " (" + used + ")"));
        return s;
    }
}
