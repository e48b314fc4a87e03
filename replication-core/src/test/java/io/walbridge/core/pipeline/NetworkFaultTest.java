package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.FaultyProxy;
import io.walbridge.core.testing.FaultyProxy.Mode;
import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.SourceWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network between the engine and either server fails while changes stream: connections reset, closed, or
 * black-holed (open but silent, which TCP alone would not notice for hours). The engine must notice within its
 * stall timeout, reconnect with back-off once the path is back, and end with the destination equal to the source.
 */
class NetworkFaultTest {

    private static final Logger log = LoggerFactory.getLogger(NetworkFaultTest.class);
    private static final Duration STALL = Duration.ofSeconds(2);

    private Replication r;
    private FaultyProxy toSource;
    private FaultyProxy toTarget;
    private Pipeline pipeline;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (pipeline != null) {
            pipeline.stop();
            pipeline.awaitTermination(Duration.ofSeconds(30));
        }
        toSource.close();
        toTarget.close();
        r.dropSlot();
    }

    @ParameterizedTest(name = "{0} side: {1}")
    @CsvSource({"source, RESET", "source, CLOSE", "source, BLACK_HOLE", "destination, RESET", "destination, BLACK_HOLE"})
    void recoversFromANetworkFaultWithNothingLostOrDuplicated(String side, Mode fault) throws Exception {
        r = new Replication(SourceWorkload.DDL);
        r.source("INSERT INTO keyed SELECT g, 'initial', 0 FROM generate_series(100001, 102000) g");
        toSource = FaultyProxy.to(r.sourceServer.port());
        toTarget = FaultyProxy.to(r.targetServer.port());
        PipelineConfig config = r.configVia(toSource).withStallTimeout(STALL).withStatusInterval(Duration.ofMillis(500));
        pipeline = PostgresPipeline.create(config, toTarget.endpoint(r.targetServer.endpoint(r.targetDb)));
        pipeline.start();
        long seed = System.nanoTime();
        log.info("workload seed {}", seed);
        try (SourceWorkload workload = new SourceWorkload(r.sourceServer, r.sourceDb, seed)) {
            assertThat(Replication.await(Duration.ofMinutes(2), () -> pipeline.metrics().transactionsApplied() >= 20))
                    .as("streaming before the fault; state %s, %s", pipeline.metrics().state(), pipeline.metrics().failure())
                    .isTrue();

            FaultyProxy proxy = side.equals("source") ? toSource : toTarget;
            proxy.mode(fault);
            assertThat(Replication.await(Duration.ofMinutes(1), () -> pipeline.metrics().reconnects() >= 1))
                    .as("the engine noticed the %s fault on the %s side", fault, side).isTrue();
            if (fault == Mode.BLACK_HOLE) {
                assertThat(pipeline.metrics().failure()).as("why it reconnected")
                        .contains(side.equals("source") ? "has not answered" : "gave up the destination connection");
            }
            workload.awaitMore(50, Duration.ofSeconds(30)); // the source keeps changing during the outage
            proxy.mode(Mode.PASS);
            long before = pipeline.metrics().transactionsApplied();
            assertThat(Replication.await(Duration.ofMinutes(2), () -> pipeline.metrics().transactionsApplied() > before))
                    .as("streaming again after the fault; %s", pipeline.metrics().failure()).isTrue();
            workload.awaitMore(50, Duration.ofSeconds(30));
        }
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
