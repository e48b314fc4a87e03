package io.walbridge.benchmark;

import java.time.Duration;

/** PostgreSQL's own logical replication: a subscription in a destination database. */
final class NativeSubscription {

    private final BenchServer destination;
    private final String db;
    private final String name;

    NativeSubscription(BenchServer destination, String db, String name) {
        this.destination = destination;
        this.db = db;
        this.name = name;
    }

    /** Creates the subscription; it starts at once, copying the tables first when {@code copyData}. */
    static NativeSubscription copying(BenchServer destination, String db, String name, BenchServer source, String publication) {
        destination.exec(db, "CREATE SUBSCRIPTION " + name + " CONNECTION '" + source.conninfo(SourceData.DB)
                + "' PUBLICATION " + publication + " WITH (copy_data = true)");
        return new NativeSubscription(destination, db, name);
    }

    /** A disabled subscription on a slot made beforehand: it reads nothing until {@link #enable()}. */
    static NativeSubscription onSlot(BenchServer destination, String db, String name, BenchServer source,
                                     String publication, String slot) {
        destination.exec(db, "CREATE SUBSCRIPTION " + name + " CONNECTION '" + source.conninfo(SourceData.DB)
                + "' PUBLICATION " + publication + " WITH (create_slot = false, slot_name = '" + slot
                + "', enabled = false, copy_data = false)");
        return new NativeSubscription(destination, db, name);
    }

    void enable() {
        destination.exec(db, "ALTER SUBSCRIPTION " + name + " ENABLE");
    }

    /** Waits until every table's initial copy is done and caught up (state 'r', ready). */
    void awaitTablesReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (!"0".equals(destination.scalar(db, "SELECT count(*) FILTER (WHERE srsubstate <> 'r') + (count(*) = 0)::int"
                + " FROM pg_subscription_rel"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the native subscription's table copy did not finish within 60 min");
            }
            Thread.sleep(20);
        }
    }

    /** Drops the subscription and with it its slot on the source. */
    void drop() {
        destination.exec(db, "DROP SUBSCRIPTION " + name);
    }
}
