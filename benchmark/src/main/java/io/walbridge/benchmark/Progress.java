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

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String line) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, line);
        out.flush();
    }

    double timed(String what, TimedRun run) throws InterruptedException {
        double s = run.run();
        say(what + ": " + ResultTable.seconds(s) + " s");
        return s;
    }
}
