package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.RestartableServer;
import io.walbridge.core.testing.SourceWorkload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source or the destination server restarts while changes stream: a fast shutdown (clients told to go) or
 * an immediate one (a crash: the source then forgets positions confirmed since its last checkpoint and sends
 * transactions again that the destination already holds). The engine reconnects with back-off and the
 * destination ends equal to the source.
 */
class ServerRestartTest {

    private static final Logger log = LoggerFactory.getLogger(ServerRestartTest.class);

    private static RestartableServer source;
    private static RestartableServer target;
    private Replication r;
    private Pipeline pipeline;

    @BeforeAll
    static void servers() {
        source = RestartableServer.start(b -> { });
        target = RestartableServer.start(b -> { });
    }

    @AfterAll
    static void stopServers() {
        source.close();
        target.close();
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (pipeline != null) {
            pipeline.stop();
            pipeline.awaitTermination(Duration.ofSeconds(30));
        }
        r.dropSlot();
    }

    @ParameterizedTest(name = "{0} restarted, {1} shutdown")
    @CsvSource({"source, FAST", "source, IMMEDIATE", "destination, FAST", "destination, IMMEDIATE"})
    void recoversFromAServerRestartWithNothingLostOrDuplicated(String side, RestartableServer.Stop mode) throws Exception {
        r = new Replication(source.server(), target.server(), true, SourceWorkload.DDL);
        pipeline = PostgresPipeline.create(r.config().withStallTimeout(Duration.ofSeconds(5)),
                r.targetServer.endpoint(r.targetDb));
        pipeline.start();
        long seed = System.nanoTime();
        log.info("workload seed {}", seed);
        RestartableServer restarted = side.equals("source") ? source : target;
        try (SourceWorkload workload = new SourceWorkload(r.sourceServer, r.sourceDb, seed)) {
            assertThat(Replication.await(Duration.ofMinutes(2), () -> pipeline.metrics().transactionsApplied() >= 20))
                    .as("streaming before the restart; %s", pipeline.metrics().failure()).isTrue();

            restarted.stop(mode);
            assertThat(Replication.await(Duration.ofMinutes(1), () -> pipeline.metrics().reconnects() >= 1))
                    .as("the engine noticed the %s server going away", side).isTrue();
            restarted.startAgain();

            long before = pipeline.metrics().transactionsApplied();
            assertThat(Replication.await(Duration.ofMinutes(2), () -> pipeline.metrics().transactionsApplied() > before))
                    .as("streaming again after the restart; %s", pipeline.metrics().failure()).isTrue();
            workload.awaitMore(50, Duration.ofSeconds(30));
        }
        assertThat(pipeline.metrics().state()).isNotEqualTo(PipelineState.FAILED);
        Lsn end = SourcePosition.current(r.sourceServer.endpoint(r.sourceDb));
        pipeline.stopWhenCaughtUpTo(end);
        assertThat(pipeline.awaitTermination(Duration.ofMinutes(3))).as("caught up").isTrue();
        assertThat(pipeline.metrics().state()).as("failure: %s", pipeline.metrics().failure())
                .isEqualTo(PipelineState.STOPPED);

        r.assertVerifiedEqual();
        r.assertSame(SourceWorkload.KEYED_ROWS);
        r.assertSame(SourceWorkload.KEYLESS_ROWS);
    }
}
