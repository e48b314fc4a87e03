package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.SourceWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The destination refuses or holds up writes for a while; nothing is lost, and a mere wait is not a failure. */
class DestinationRefusalTest {

    private static final Duration STALL = Duration.ofSeconds(2);

    private Replication r;
    private Pipeline pipeline;
    private SourceWorkload workload;

    @BeforeEach
    void streaming() {
        r = new Replication(SourceWorkload.DDL);
        pipeline = PostgresPipeline.create(r.config().withStallTimeout(STALL), r.targetServer.endpoint(r.targetDb));
        pipeline.start();
        workload = new SourceWorkload(r.sourceServer, r.sourceDb, 42);
        assertThat(Replication.await(Duration.ofMinutes(2), () -> pipeline.metrics().transactionsApplied() >= 20))
                .as("streaming; %s", pipeline.metrics().failure()).isTrue();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        workload.close();
        pipeline.stop();
        pipeline.awaitTermination(Duration.ofSeconds(30));
        r.dropSlot();
    }

    private void catchUpAndVerify() throws InterruptedException {
        workload.close();
        Lsn end = SourcePosition.current(r.sourceServer.endpoint(r.sourceDb));
        pipeline.stopWhenCaughtUpTo(end);
        assertThat(pipeline.awaitTermination(Duration.ofMinutes(3))).as("caught up").isTrue();
        assertThat(pipeline.metrics().state()).as("failure: %s", pipeline.metrics().failure())
                .isEqualTo(PipelineState.STOPPED);
        r.assertVerifiedEqual();
        r.assertSame(SourceWorkload.KEYED_ROWS);
        r.assertSame(SourceWorkload.KEYLESS_ROWS);
    }

    @Test
    void aLockHeldLongerThanTheStallTimeoutIsWaitedForNotTakenForADeadServer() throws Exception {
        try (Connection locker = r.targetServer.connect(r.targetDb); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE keyed IN ACCESS EXCLUSIVE MODE");
            workload.awaitMore(100, Duration.ofSeconds(30));
            // the applier is now blocked on the lock for several stall timeouts: its session is 'active', so alive
            assertThat(Replication.await(Duration.ofSeconds(30), () -> waitingForLock() > 0)).isTrue();
            Thread.sleep(STALL.multipliedBy(3).toMillis());
            assertThat(pipeline.metrics().reconnects()).as("reconnects while the lock was held").isZero();
            locker.rollback();
        }
        long before = pipeline.metrics().transactionsApplied();
        assertThat(Replication.await(Duration.ofMinutes(1), () -> pipeline.metrics().transactionsApplied() > before)).isTrue();
        assertThat(pipeline.metrics().reconnects()).isZero();
        catchUpAndVerify();
    }

    private long waitingForLock() {
        return Long.parseLong(r.targetServer.scalar(r.targetDb, "SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND application_name = 'walbridge'"));
    }

    @Test
    void writesRefusedForAWhileAreRetriedUntilTheDestinationTakesThem() throws Exception {
        // a disk filling up, as the destination reports it: SQLSTATE 53100 from every write to the table
        r.targetServer.exec(r.targetDb, """
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$""",
                "CREATE TRIGGER full_disk BEFORE INSERT OR UPDATE OR DELETE ON keyed FOR EACH ROW EXECUTE FUNCTION refuse()");
        assertThat(Replication.await(Duration.ofMinutes(1), () -> pipeline.metrics().reconnects() >= 2)).isTrue();
        assertThat(pipeline.metrics().failure()).contains("No space left on device");
        assertThat(pipeline.metrics().state()).isNotEqualTo(PipelineState.FAILED);

        r.targetServer.exec(r.targetDb, "DROP TRIGGER full_disk ON keyed");
        long before = pipeline.metrics().transactionsApplied();
        assertThat(Replication.await(Duration.ofMinutes(1), () -> pipeline.metrics().transactionsApplied() > before))
                .as("applying again; %s", pipeline.metrics().failure()).isTrue();
        catchUpAndVerify();
    }
}
