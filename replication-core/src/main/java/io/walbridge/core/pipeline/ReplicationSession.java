package io.walbridge.core.pipeline;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.source.ChangeAssembler;
import io.walbridge.core.source.PgOutputDecoder;
import io.walbridge.core.source.ReadPacing;
import io.walbridge.core.source.WalReader;

import io.walbridge.core.change.TableId;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One connection's worth of replication. The calling thread owns the pgjdbc stream (read, decode,
 * queue, send status); an applier thread feeds the sink. The only way back is {@code durable}: the
 * position the sink reported committed, which is all the stream ever confirms.
 */
final class ReplicationSession {

    private static final Duration FORCE_STATUS_EVERY = Duration.ofMillis(200);

    private final PipelineConfig config;
    private final Sink sink;
    private final PipelineMetrics metrics;
    private final BooleanSupplier paused;
    private final EventQueue queue;
    private final AtomicReference<Lsn> durable = new AtomicReference<>(Lsn.ZERO);
    /** End of the last transaction the applier has fully handed to the sink (applied or skipped as a replay). */
    private final AtomicReference<Lsn> processed = new AtomicReference<>(Lsn.ZERO);
    private final AtomicReference<RuntimeException> applierFailure = new AtomicReference<>();
    private final SnapshotFilter filter;
    private final Backfill backfill;
    private final Set<TableId> copyRequests = ConcurrentHashMap.newKeySet();
    private volatile boolean stop;
    private volatile boolean readerDone;

    /** @param filter and {@code backfill} are null when the destination takes no table copies */
    ReplicationSession(PipelineConfig config, Sink sink, PipelineMetrics metrics, BooleanSupplier paused,
                       SnapshotFilter filter, Backfill backfill) {
        this.config = config;
        this.sink = sink;
        this.metrics = metrics;
        this.paused = paused;
        this.queue = new EventQueue(config.batching().queueBytes());
        this.filter = filter;
        this.backfill = backfill;
    }

    void requestCopy(TableId table) {
        copyRequests.add(table);
    }

    void stop() {
        stop = true;
    }

    /** Streams until stopped or caught up to {@code stopAt}; failures are thrown. */
    void run(Lsn from, Supplier<Lsn> stopAt) throws InterruptedException {
        durable.set(from);
        processed.set(from);
        Thread applier = new Thread(this::applyLoop, "walbridge-applier-" + config.name());
        try (WalReader reader = WalReader.open(config.source(), config.slot(), config.publication(), from,
                config.statusInterval(), config.stallTimeout())) {
            metrics.state(paused.getAsBoolean() ? PipelineState.PAUSED : PipelineState.STREAMING);
            applier.start();
            try {
                readLoop(reader, stopAt);
            } finally {
                // let the applier finish the batch in hand, so a clean stop loses no applied work
                readerDone = true;
                stop = true;
                applier.join();
            }
            rethrowApplierFailure();
            reader.confirm(durable.get());
            reader.sendStatus();
            metrics.confirmed(durable.get());
        }
    }

    private void readLoop(WalReader reader, Supplier<Lsn> stopAt) throws InterruptedException {
        PgOutputDecoder decoder = new PgOutputDecoder();
        ChangeAssembler assembler = new ChangeAssembler();
        ReadPacing pacing = new ReadPacing();
        Lsn sent = Lsn.ZERO;
        long lastForced = 0;
        Lsn lastEnqueuedEnd = processed.get();
        while (!stop) {
            rethrowApplierFailure();
            Lsn confirm = durable.get();
            boolean idle = !assembler.inTransaction() && processed.get().equals(lastEnqueuedEnd) && queue.isEmpty();
            if (idle) {
                // nothing read is waiting to be applied, so everything received so far is safe to confirm
                confirm = Lsn.max(confirm, reader.lastReceived());
            }
            if (confirm.isAfter(sent) && System.nanoTime() - lastForced > FORCE_STATUS_EVERY.toNanos()) {
                reader.confirm(confirm);
                reader.sendStatus();
                metrics.confirmed(confirm);
                sent = confirm;
                lastForced = System.nanoTime();
            }
            Lsn target = stopAt.get();
            if (target != null && idle && !sent.isBefore(target)) {
                return;
            }
            ByteBuffer buf = reader.readPending();
            if (buf == null) {
                reader.whileQuiet();
                pacing.waitForMore();
                continue;
            }
            pacing.received();
            int size = buf.remaining();
            Optional<SourceEvent> event = assembler.accept(decoder.decode(buf));
            metrics.read(size, reader.lastReceived());
            if (event.isPresent() && event.get() instanceof Change c && !(c instanceof Change.SchemaChange)) {
                metrics.changeRead();
            }
            if (event.isPresent()) {
                enqueue(event.get(), reader);
                if (event.get() instanceof SourceEvent.Commit c) {
                    lastEnqueuedEnd = c.endLsn();
                }
            }
        }
    }

    /** Waits for room in the queue while keeping the source connection alive with status updates. */
    private void enqueue(SourceEvent event, WalReader reader) throws InterruptedException {
        long lastStatus = System.nanoTime();
        while (!queue.offer(event, Duration.ofMillis(100))) {
            rethrowApplierFailure();
            if (stop) {
                return;
            }
            if (System.nanoTime() - lastStatus > config.statusInterval().toNanos()) {
                reader.confirm(durable.get());
                reader.sendStatus();
                lastStatus = System.nanoTime();
            }
        }
    }

    private void applyLoop() {
        boolean atTransactionBoundary = true;
        AppliedTally tally = new AppliedTally(Clock.systemUTC());
        try {
            while (!stop || (!readerDone && !queue.isEmpty())) {
                if (paused.getAsBoolean()) {
                    Thread.sleep(50);
                    continue;
                }
                if (!copyRequests.isEmpty() && atTransactionBoundary) {
                    copyRequested();
                }
                List<SourceEvent> batch = queue.takeBatch(config.batching(), Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                atTransactionBoundary = batch.get(batch.size() - 1) instanceof SourceEvent.Commit;
                List<SourceEvent> applied = filter == null ? batch : filter.filter(batch);
                Optional<Lsn> committed;
                try {
                    committed = sink.apply(applied);
                } catch (RuntimeException e) {
                    tally.failed(metrics, applied);
                    throw e;
                }
                tally.add(applied);
                if (committed.isPresent()) {
                    durable.set(committed.get());
                    // the sink commits all it holds at once, so everything counted so far is now durable
                    tally.durable(metrics, committed.get());
                }
                if (batch.get(batch.size() - 1) instanceof SourceEvent.Commit c) {
                    processed.set(c.endLsn());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            applierFailure.set(e);
            stop = true;
        } catch (Error e) {
            // an Error must end the session too, or the reader would wait forever for an applier that is gone
            applierFailure.set(new IllegalStateException("the applier stopped: " + e, e));
            stop = true;
        }
    }

    /** Re-copies requested tables; only between transactions, when the sink holds no open transaction. */
    private void copyRequested() {
        for (TableId t : List.copyOf(copyRequests)) {
            filter.copied(t, backfill.copyNow(t));
            copyRequests.remove(t);
        }
    }

    private void rethrowApplierFailure() {
        RuntimeException e = applierFailure.get();
        if (e != null) {
            throw e;
        }
    }
}
