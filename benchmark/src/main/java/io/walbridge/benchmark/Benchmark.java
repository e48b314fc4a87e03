package io.walbridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The benchmark command: starts its own PostgreSQL servers (a source and one destination per side) and
 * measures WalBridge side by side with PostgreSQL's own logical replication on the same source and
 * workload, then prints one table (also written as Markdown). Not a test: it asserts only that every
 * copy it timed ended equal to the source.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (BenchmarkOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            run(options);
            System.exit(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(BenchmarkOptions o) throws InterruptedException {
        Progress progress = new Progress(System.out);
        Optional<RecvLogical> recvLogical = RecvLogical.find();
        progress.say("starting three embedded PostgreSQL servers (source, native destination, WalBridge destination)");
        List<Measurement> results = new ArrayList<>();
        String header;
        try (BenchServer source = BenchServer.start("source");
             BenchServer nativeDest = BenchServer.start("native destination");
             BenchServer walbridgeDest = BenchServer.start("WalBridge destination")) {
            progress.measureCpu(new CpuMeter(List.of(source, nativeDest, walbridgeDest)));
            header = header(o, source, recvLogical);
            System.out.print(header);
            SourceData data = new SourceData(source);
            if (o.runs("snapshot")) {
                results.add(new SnapshotBenchmark(data, nativeDest, walbridgeDest, progress).run(o.snapshotRows(), o.repeat()));
            }
            if (o.runs("streaming")) {
                results.addAll(new StreamingBenchmark(data, nativeDest, walbridgeDest, progress, recvLogical)
                        .run(o.streamRows(), o.updates(), o.repeat()));
            }
            if (o.runs("heap") && o.bigTx() > 0) {
                results.add(new HeapBenchmark(data, walbridgeDest, progress).run(o.bigTx()));
            }
        }
        String table = ResultTable.markdown(results);
        String runs = ResultTable.runs(results);
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.print(runs);
        write(o.results(), header + "\n" + table + "\n" + runs);
        System.out.println("\nwritten to " + o.results().toAbsolutePath());
    }

    private static String header(BenchmarkOptions o, BenchServer source, Optional<RecvLogical> recvLogical) {
        String settings = BenchServer.SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return "WalBridge benchmark\n"
                + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n"
                + "- servers: " + source.scalar("postgres", "SELECT version()") + " (embedded, from Maven), all three on localhost\n"
                + "- settings on every server: " + settings + "\n"
                + "- sizes: snapshot " + o.snapshotRows() + " rows; streaming " + o.streamRows() + "-row transaction + "
                + o.updates() + " single-row update transactions; heap " + (o.bigTx() > 0 ? o.bigTx() + "-row transaction" : "skipped")
                + "; " + o.repeat() + " run(s) per side, median reported\n"
                + "- pg_recvlogical: " + recvLogical.map(RecvLogical::describe).orElse("not found (row 3 native side skipped)") + "\n"
                + "- ratio = native seconds / WalBridge seconds (above 1: WalBridge faster)\n";
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
