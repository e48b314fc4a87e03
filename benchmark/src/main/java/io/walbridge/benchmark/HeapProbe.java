package io.walbridge.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.source.PgEndpoint;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child-JVM main for row 4: runs the engine until caught up to a position and prints, on its last
 * stdout line, the peak heap in use (sampled every 10 ms and read just before every GC) and the most
 * heap any GC left in use. Started by {@link HeapBenchmark} with {@code -Xmx256m}.
 */
public final class HeapProbe {

    static final String RESULT = "heap-probe";

    private HeapProbe() {
    }

    /** Arguments: source URL, target URL, publication, slot, end LSN. */
    public static void main(String[] args) throws Exception {
        AtomicLong peakUsed = new AtomicLong();
        AtomicLong peakAfterGc = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        listenToGc(peakUsed, peakAfterGc);
        Thread sampler = new Thread(() -> {
            while (true) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        Engine engine = Engine.start(PgEndpoint.parse(args[0]), args[2], args[3], PgEndpoint.parse(args[1]), Lsn.parse(args[4]));
        engine.awaitEnd();
        double seconds = (System.nanoTime() - start) / 1e9;
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        System.out.println(RESULT + " " + peakUsed.get() + " " + peakAfterGc.get() + " " + seconds + " "
                + memory.getHeapMemoryUsage().getMax());
        System.exit(0);
    }

    private static void listenToGc(AtomicLong peakUsed, AtomicLong peakAfterGc) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        // just before a collection is when the heap is fullest: sampling alone misses those moments
                        long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                        long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                        peakUsed.accumulateAndGet(before, Math::max);
                        peakAfterGc.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
        }
    }
}
