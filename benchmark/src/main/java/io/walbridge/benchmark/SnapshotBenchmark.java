package io.walbridge.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Row 1: the initial copy of one table. Native: {@code CREATE SUBSCRIPTION … copy_data = true} until the
 * table is ready. WalBridge: {@code run --until-caught-up} into an empty database (it creates the table,
 * copies, then streams what is left). Each run gets a fresh destination database.
 */
final class SnapshotBenchmark {

    private static final String TABLE = "snap_t";

    private final SourceData source;
    private final BenchServer nativeDest;
    private final BenchServer walbridgeDest;
    private final Progress progress;

    SnapshotBenchmark(SourceData source, BenchServer nativeDest, BenchServer walbridgeDest, Progress progress) {
        this.source = source;
        this.nativeDest = nativeDest;
        this.walbridgeDest = walbridgeDest;
        this.progress = progress;
    }

    Measurement run(long rows, int repeat) throws InterruptedException {
        progress.say("snapshot: filling " + TABLE + " with " + rows + " rows");
        source.createTable(TABLE);
        source.insert(TABLE, rows);
        source.analyze(TABLE);
        List<Double> nativeRuns = new ArrayList<>();
        List<Double> walbridgeRuns = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            nativeRuns.add(progress.timed("snapshot native run " + r, nativeRun(r)));
            walbridgeRuns.add(progress.timed("snapshot WalBridge run " + r, walbridgeRun(r)));
        }
        return new Measurement("1. initial snapshot", rows, nativeRuns, "", walbridgeRuns, 1.5, "");
    }

    private Progress.TimedRun nativeRun(int r) {
        String db = "nsnap_" + r;
        nativeDest.exec("postgres", "CREATE DATABASE " + db);
        nativeDest.exec(db, "CREATE TABLE " + TABLE + " (" + SourceData.COLUMNS + ")");
        return settled -> {
            long start = System.nanoTime();
            NativeSubscription sub = NativeSubscription.copying(nativeDest, db, db, source.server(), SourceData.publication(TABLE));
            sub.awaitTablesReady();
            long end = System.nanoTime();
            sub.drop();
            settled.run();
            source.assertSame(nativeDest, db, TABLE);
            return (end - start) / 1e9;
        };
    }

    private Progress.TimedRun walbridgeRun(int r) {
        String db = "wsnap_" + r;
        walbridgeDest.exec("postgres", "CREATE DATABASE " + db);
        return settled -> {
            long start = System.nanoTime();
            Engine engine = Engine.start(source.server().endpoint(SourceData.DB), SourceData.publication(TABLE), db,
                    walbridgeDest.endpoint(db), source.currentLsn());
            engine.awaitEnd();
            long end = System.nanoTime();
            source.dropSlot(db);
            settled.run();
            source.assertSame(walbridgeDest, db, TABLE);
            return (end - start) / 1e9;
        };
    }
}
