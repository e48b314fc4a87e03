package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows 2 and 3, on one stretch of WAL: every consumer's slot is made before the workload and nothing
 * reads while it is written (one big transaction, then single-row update transactions). Then each
 * consumer in turn is started and timed until its slot's {@code confirmed_flush_lsn} passes the end.
 */
final class StreamingBenchmark {

    private static final String TABLE = "stream_t";

    private final SourceData source;
    private final BenchServer nativeDest;
    private final BenchServer walbridgeDest;
    private final Progress progress;
    private final Optional<RecvLogical> recvLogical;

    StreamingBenchmark(SourceData source, BenchServer nativeDest, BenchServer walbridgeDest, Progress progress,
                       Optional<RecvLogical> recvLogical) {
        this.source = source;
        this.nativeDest = nativeDest;
        this.walbridgeDest = walbridgeDest;
        this.progress = progress;
        this.recvLogical = recvLogical;
    }

    List<Measurement> run(long bigTxRows, long updates, int repeat) throws InterruptedException {
        String pub = SourceData.publication(TABLE);
        source.createTable(TABLE);
        List<NativeSubscription> subs = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            String ndb = "nstream_" + r;
            nativeDest.exec("postgres", "CREATE DATABASE " + ndb);
            nativeDest.exec(ndb, "CREATE TABLE " + TABLE + " (" + SourceData.COLUMNS + ")");
            source.createSlot(ndb);
            subs.add(NativeSubscription.onSlot(nativeDest, ndb, ndb, source.server(), pub, ndb));
            // WalBridge makes its own slot and copies the (still empty) table, then stops: disabled like the subscription
            String wdb = "wstream_" + r;
            walbridgeDest.exec("postgres", "CREATE DATABASE " + wdb);
            Engine.start(source.server().endpoint(SourceData.DB), pub, wdb, walbridgeDest.endpoint(wdb), source.currentLsn())
                    .awaitEnd();
            source.createSlot("recv_" + r);
            source.createSlot("dec_" + r);
        }
        progress.say("streaming: writing one " + bigTxRows + "-row transaction and " + updates
                + " single-row update transactions with every consumer stopped");
        source.insert(TABLE, bigTxRows);
        source.singleRowUpdates(TABLE, updates, bigTxRows);
        Lsn end = source.currentLsn();
        long changes = bigTxRows + updates;
        progress.say("streaming: workload ends at " + end);

        List<Double> nativeRuns = new ArrayList<>();
        List<Double> walbridgeRuns = new ArrayList<>();
        List<Double> recvRuns = new ArrayList<>();
        List<Double> decodeRuns = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            int run = r;
            NativeSubscription sub = subs.get(r - 1);
            nativeRuns.add(progress.timed("streaming native run " + r, settled -> {
                long start = System.nanoTime();
                sub.enable();
                SlotWatch.awaitConfirmed(source.server(), "nstream_" + run, end, () -> { });
                double s = (System.nanoTime() - start) / 1e9;
                sub.drop();
                settled.run();
                source.assertSame(nativeDest, "nstream_" + run, TABLE);
                return s;
            }));
            String wdb = "wstream_" + r;
            walbridgeRuns.add(progress.timed("streaming WalBridge run " + r, settled -> {
                long start = System.nanoTime();
                Engine engine = Engine.start(source.server().endpoint(SourceData.DB), pub, wdb, walbridgeDest.endpoint(wdb), end);
                SlotWatch.awaitConfirmed(source.server(), wdb, end, engine::checkAlive);
                double s = (System.nanoTime() - start) / 1e9;
                engine.awaitEnd();
                source.dropSlot(wdb);
                settled.run();
                source.assertSame(walbridgeDest, wdb, TABLE);
                return s;
            }));
            if (recvLogical.isPresent()) {
                recvRuns.add(progress.timed("read ceiling pg_recvlogical run " + r,
                        settled -> recvLogical.get().read(source.server().conninfo(SourceData.DB), "recv_" + run, pub, end)));
            }
            source.dropSlot("recv_" + r);
            decodeRuns.add(progress.timed("read ceiling WalBridge reader+decoder run " + r, settled -> {
                long start = System.nanoTime();
                long seen = DecodeOnly.read(source.server().endpoint(SourceData.DB), "dec_" + run, pub, end);
                double s = (System.nanoTime() - start) / 1e9;
                if (seen != changes) {
                    throw new IllegalStateException("the decoder saw " + seen + " changes, the workload made " + changes);
                }
                return s;
            }));
            source.dropSlot("dec_" + r);
        }
        return List.of(
                new Measurement("2. streaming catch-up (" + String.format("%,d", bigTxRows) + "-row tx + "
                        + String.format("%,d", updates) + " single-row update txs)", changes, nativeRuns, "", walbridgeRuns, 1.0, ""),
                new Measurement("3. read ceiling: WalBridge reader+decoder vs pg_recvlogical > /dev/null", changes, recvRuns,
                        "skipped: pg_recvlogical not found", decodeRuns, 0.8, ""));
    }
}
