package io.walbridge.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Sizes and repetitions of one benchmark run.
 *
 * @param snapshotRows rows of the table both sides copy
 * @param streamRows   rows of the one big transaction in the streaming workload
 * @param updates      single-row update transactions after it
 * @param bigTx        rows of the transaction whose peak heap is measured (0 skips that row)
 * @param repeat       runs per side; the median is reported
 * @param results      where the Markdown table is written as well
 * @param only         which parts to run: snapshot, streaming, heap (all by default)
 */
record BenchmarkOptions(long snapshotRows, long streamRows, long updates, long bigTx, int repeat, Path results,
                        Set<String> only) {

    static final Set<String> PARTS = Set.of("snapshot", "streaming", "heap");

    static final String USAGE = """
            usage: java -jar benchmark/target/walbridge-benchmark.jar [--rows N] [--stream-rows N] [--updates N]
                                                                    [--big-tx N] [--repeat N] [--out FILE]
                                                                    [--only snapshot,streaming,heap]
              --rows         rows of the snapshot table (default 2000000)
              --stream-rows  rows of the big streamed transaction (default 1000000)
              --updates      single-row update transactions after it (default 100000)
              --big-tx       rows of the transaction whose peak heap is measured, 0 to skip (default 5000000)
              --repeat       runs per side, median reported (default 3)
              --out          Markdown results file (default benchmark/target/results.md)
              --only         run only these parts (comma-separated; default all three)""";

    static BenchmarkOptions parse(String[] args) {
        long rows = 2_000_000;
        long streamRows = 1_000_000;
        long updates = 100_000;
        long bigTx = 5_000_000;
        int repeat = 3;
        Path out = Path.of("benchmark", "target", "results.md");
        Set<String> only = PARTS;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--rows" -> rows = number(flag, value, 1);
                case "--stream-rows" -> streamRows = number(flag, value, 1);
                case "--updates" -> updates = number(flag, value, 0);
                case "--big-tx" -> bigTx = number(flag, value, 0);
                case "--repeat" -> repeat = (int) number(flag, value, 1);
                case "--out" -> out = Path.of(value);
                case "--only" -> only = parts(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        return new BenchmarkOptions(rows, streamRows, updates, bigTx, repeat, out, only);
    }

    boolean runs(String part) {
        return only.contains(part);
    }

    private static Set<String> parts(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : value.split(",")) {
            if (!PARTS.contains(p.trim())) {
                throw new UsageException("--only takes snapshot, streaming and/or heap, not '" + p + "'");
            }
            out.add(p.trim());
        }
        return out;
    }

    private static long number(String flag, String value, long min) {
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < min) {
                throw new UsageException(flag + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " takes a whole number, not '" + value + "'");
        }
    }

    /** Wrong command line: the message (if any) and the usage text are printed, exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
