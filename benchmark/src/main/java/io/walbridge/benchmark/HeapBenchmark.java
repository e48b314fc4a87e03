package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Row 4: one huge transaction through the engine in a child JVM limited to {@code -Xmx256m}; the child
 * ({@link HeapProbe}) reports its peak heap. The transaction is written while the engine is stopped.
 */
final class HeapBenchmark {

    static final String HEAP = "-Xmx256m";
    private static final String TABLE = "big_t";

    private final SourceData source;
    private final BenchServer walbridgeDest;
    private final Progress progress;

    HeapBenchmark(SourceData source, BenchServer walbridgeDest, Progress progress) {
        this.source = source;
        this.walbridgeDest = walbridgeDest;
        this.progress = progress;
    }

    Measurement run(long rows) throws InterruptedException {
        String pub = SourceData.publication(TABLE);
        String db = "wbig";
        source.createTable(TABLE);
        walbridgeDest.exec("postgres", "CREATE DATABASE " + db);
        Engine.start(source.server().endpoint(SourceData.DB), pub, db, walbridgeDest.endpoint(db), source.currentLsn()).awaitEnd();
        progress.say("heap: writing one " + rows + "-row transaction");
        source.insert(TABLE, rows);
        Lsn end = source.currentLsn();
        String[] result = child(source.server().endpoint(SourceData.DB).display(), walbridgeDest.endpoint(db).display(),
                pub, db, end);
        source.dropSlot(db);
        source.assertSame(walbridgeDest, db, TABLE);
        double mb = 1 << 20;
        double seconds = Double.parseDouble(result[3]);
        String note = String.format(Locale.ROOT, "peak heap used %.0f MB, at most %.0f MB left after a GC (%s: max %.0f MB)",
                Long.parseLong(result[1]) / mb, Long.parseLong(result[2]) / mb, HEAP, Long.parseLong(result[4]) / mb);
        progress.say("heap: " + ResultTable.seconds(seconds) + " s; " + note);
        return new Measurement("4. " + String.format("%,d", rows) + "-row transaction in one JVM", rows, List.of(),
                "n/a (not a JVM)", List.of(seconds), 0, note);
    }

    private static String[] child(String sourceUrl, String targetUrl, String pub, String slot, Lsn end) throws InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), sourceUrl, targetUrl, pub, slot, end.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the engine JVM did not finish within 60 min");
            }
            for (String line : output.split("\n")) {
                if (line.startsWith(HeapProbe.RESULT + " ")) {
                    return line.trim().split(" ");
                }
            }
            throw new IllegalStateException("the engine JVM (" + HEAP + ") exited with " + p.exitValue()
                    + " without a result; its output:\n" + output);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a child JVM: " + e.getMessage(), e);
        }
    }
}
