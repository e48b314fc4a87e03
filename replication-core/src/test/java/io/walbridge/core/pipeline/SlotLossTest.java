package io.walbridge.core.pipeline;

import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slot is lost under the engine — invalidated by the server, or dropped by someone. The engine must stop
 * and say so, with the exact commands that recover (never carry on with a new slot that silently skips the
 * gap), and those commands must in fact bring the destination back to equal.
 */
class SlotLossTest {

    private Replication r;
    private PgServer dedicated;

    @AfterEach
    void cleanUp() {
        r.dropSlot();
        if (dedicated != null) {
            dedicated.close();
        }
    }

    private Pipeline run(Pipeline p) throws InterruptedException {
        p.stopWhenCaughtUpTo(SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        p.start();
        assertThat(p.awaitTermination(Duration.ofMinutes(3))).isTrue();
        return p;
    }

    private Pipeline fresh() {
        return PostgresPipeline.create(r.config(), r.targetServer.endpoint(r.targetDb));
    }

    private void assertRecoversWithTheAdvertisedRemedy() throws InterruptedException {
        Pipeline remedy = fresh();
        remedy.resnapshotAll();
        run(remedy);
        assertThat(remedy.metrics().state()).as("failure: %s", remedy.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        r.assertVerifiedEqual();
        r.assertSame("SELECT * FROM items ORDER BY id");
    }

    @Test
    void anInvalidatedSlotStopsThePipelineWithTheCommandsThatRecover() throws Exception {
        dedicated = PgServer.start(b -> b.setServerConfig("max_slot_wal_keep_size", "16MB"));
        r = new Replication(dedicated, PgServer.shared("target"), true, "CREATE TABLE items (id int PRIMARY KEY, v text)",
                "INSERT INTO items SELECT g, 'v' FROM generate_series(1, 100) g");
        run(fresh());
        // the consumer is stopped; changes it will miss, then more WAL than the server keeps for a slot
        r.source("UPDATE items SET v = 'changed while stopped' WHERE id <= 10", "DELETE FROM items WHERE id > 90");
        String other = dedicated.freshDatabase();
        dedicated.exec(other, "CREATE TABLE filler AS SELECT g, repeat('x', 100) AS body FROM generate_series(1, 250000) g",
                "SELECT pg_switch_wal()", "CHECKPOINT");
        assertThat(Replication.await(Duration.ofSeconds(30), () -> {
            dedicated.exec(other, "CHECKPOINT");
            return "lost".equals(r.sourceServer.scalar(r.sourceDb,
                    "SELECT wal_status FROM pg_replication_slots WHERE slot_name = '" + r.slot + "'"));
        })).as("slot invalidated").isTrue();

        Pipeline p = run(fresh());

        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).startsWith("replication slot \"" + r.slot + "\" was invalidated (wal_status"
                + " 'lost')");
        assertThat(p.metrics().failureFix()).contains("SELECT pg_drop_replication_slot('" + r.slot + "');")
                .contains("--resnapshot all");
        assertThat(p.metrics().reconnects()).as("not retried forever").isZero();

        r.dropSlot(); // the first command of the fix; the second is the re-snapshot below
        assertRecoversWithTheAdvertisedRemedy();
    }

    @Test
    void aSlotInUseByAnotherConsumerIsWaitedForAndTheHolderNamed() throws Exception {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text)",
                "INSERT INTO items SELECT g, 'v' FROM generate_series(1, 100) g");
        java.sql.Connection holder = holdSlot();
        Pipeline p = fresh();
        try {
            p.start();
            assertThat(Replication.await(Duration.ofMinutes(1), () -> p.metrics().reconnects() >= 1)).isTrue();
            assertThat(p.metrics().failure()).contains("replication slot \"" + r.slot + "\" is in use by another process")
                    .contains("is active for PID");
            assertThat(p.metrics().failureFix()).contains("stop the other consumer");
            assertThat(p.metrics().state()).isNotEqualTo(PipelineState.FAILED);
        } finally {
            holder.close();
        }
        r.source("INSERT INTO items VALUES (101, 'after the other consumer left')");
        p.stopWhenCaughtUpTo(SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        assertThat(p.awaitTermination(Duration.ofMinutes(2))).isTrue();
        assertThat(p.metrics().state()).as("failure: %s", p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        r.assertVerifiedEqual();
    }

    /** Another consumer streaming the pipeline's slot. */
    private java.sql.Connection holdSlot() throws java.sql.SQLException {
        java.util.Properties props = r.sourceServer.endpoint(r.sourceDb).replicationProperties();
        java.sql.Connection c = java.sql.DriverManager.getConnection(r.sourceServer.endpoint(r.sourceDb).jdbcUrl(), props);
        c.unwrap(org.postgresql.PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(r.slot).withSlotOption("proto_version", "1")
                .withSlotOption("publication_names", r.publication).start();
        return c;
    }

    @Test
    void aSlotDroppedUnderneathStopsThePipelineInsteadOfStartingAfresh() throws Exception {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text)",
                "INSERT INTO items SELECT g, 'v' FROM generate_series(1, 100) g");
        Pipeline p = fresh();
        p.start();
        assertThat(Replication.await(Duration.ofMinutes(1), () -> p.metrics().state() == PipelineState.STREAMING)).isTrue();
        r.source("INSERT INTO items VALUES (101, 'streamed')");
        assertThat(Replication.await(Duration.ofMinutes(1), () -> p.metrics().transactionsApplied() >= 1)).isTrue();

        r.dropSlot(); // ends the engine's walsender, then drops the slot
        r.source("UPDATE items SET v = 'lost with the slot' WHERE id <= 50", "INSERT INTO items VALUES (102, 'also')");

        assertThat(p.awaitTermination(Duration.ofMinutes(1))).as("stops by itself").isTrue();
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).startsWith("replication slot \"" + r.slot + "\" no longer exists on the source,"
                + " but the destination already holds data read from it");
        assertThat(p.metrics().failureFix()).contains("--resnapshot all");
        assertThat(r.sourceServer.scalar(r.sourceDb, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"
                + r.slot + "'")).as("no slot made behind the user's back").isEqualTo("0");

        assertRecoversWithTheAdvertisedRemedy();
    }
}
