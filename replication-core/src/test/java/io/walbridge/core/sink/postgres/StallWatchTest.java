package io.walbridge.core.sink.postgres;

import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.FaultyProxy;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A long statement is left alone; a statement whose server vanished behind a silent network is cut. */
class StallWatchTest {

    private static final Duration AFTER = Duration.ofSeconds(1);
    private final PgServer server = PgServer.shared("target");

    @Test
    void aStatementThatRunsLongerThanTheStallTimeoutIsNotInterrupted() throws Exception {
        PgEndpoint target = server.endpoint("postgres");
        try (Connection c = target.connect(); StallWatch watch = StallWatch.of(target, c, AFTER);
             Statement s = c.createStatement()) {
            watch.begin();
            s.execute("SELECT pg_sleep(" + AFTER.multipliedBy(4).toSeconds() + ")");
            watch.end();
            assertThat(watch.abortedBecause()).isNull();
        }
    }

    @Test
    void aStatementLostInABlackHoleIsAbortedWithTheReason() throws Exception {
        try (FaultyProxy proxy = FaultyProxy.to(server.port())) {
            PgEndpoint target = proxy.endpoint(server.endpoint("postgres"));
            try (Connection c = target.connect(); StallWatch watch = StallWatch.of(target, c, AFTER);
                 Statement s = c.createStatement()) {
                proxy.mode(FaultyProxy.Mode.BLACK_HOLE);
                long start = System.nanoTime();
                watch.begin();

                SQLException e = catchThrowableOfType(() -> s.execute("SELECT 1"), SQLException.class);

                assertThat(e.getSQLState()).startsWith("08");
                assertThat(watch.abortedBecause()).startsWith("the destination does not answer a new connection either");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            }
        }
    }
}
