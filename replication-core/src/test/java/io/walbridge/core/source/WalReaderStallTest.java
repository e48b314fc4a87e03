package io.walbridge.core.source;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.testing.FaultyProxy;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A silent source is told from an idle one: only a request for a sign of life that goes unanswered counts. */
class WalReaderStallTest {

    private static final Duration STATUS = Duration.ofMillis(300);
    private static final Duration STALL = Duration.ofSeconds(1);

    private final PgServer server = PgServer.shared("source");
    private final String db = server.freshDatabase();
    private final String slot = "wb_stall_" + ProcessHandle.current().pid() + "_" + db;
    private FaultyProxy proxy;

    @BeforeEach
    void slot() {
        server.exec(db, "CREATE TABLE t (id int PRIMARY KEY)", "CREATE PUBLICATION pub FOR ALL TABLES",
                "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        proxy = FaultyProxy.to(server.port());
    }

    @AfterEach
    void dropSlot() {
        proxy.close();
        Replication.await(Duration.ofSeconds(30), () -> "0".equals(server.scalar(db,
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "' AND active")));
        server.exec(db, "SELECT pg_drop_replication_slot('" + slot + "')");
    }

    private WalReader open() {
        return WalReader.open(proxy.endpoint(server.endpoint(db)), slot, "pub", Lsn.ZERO, STATUS, STALL);
    }

    /** Reads as the session's loop does for {@code time}; returns the failure, if one ended it. */
    private static SourceUnavailable readFor(WalReader reader, Duration time) throws InterruptedException {
        long until = System.nanoTime() + time.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (reader.readPending() == null) {
                    reader.whileQuiet();
                    Thread.sleep(5);
                }
            }
            return null;
        } catch (SourceUnavailable e) {
            return e;
        }
    }

    @Test
    void anIdleSourceThatAnswersIsNeverTakenForAStalledOne() throws Exception {
        try (WalReader reader = open()) {
            assertThat(readFor(reader, STALL.multipliedBy(5))).isNull();
        }
    }

    @Test
    void aBlackHoledConnectionFailsAsRetriableWithinStatusIntervalPlusStallTimeout() throws Exception {
        try (WalReader reader = open()) {
            assertThat(readFor(reader, STALL)).isNull();
            proxy.mode(FaultyProxy.Mode.BLACK_HOLE);
            long start = System.nanoTime();

            SourceUnavailable stalled = readFor(reader, Duration.ofMinutes(1));

            assertThat(stalled).isNotNull();
            assertThat(stalled.retriable()).isTrue();
            assertThat(stalled.problem()).startsWith("the source has not answered for");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("detected within a bound, not by TCP")
                    .isLessThan(Duration.ofSeconds(30));
        } // closing does not wait for the dead server's reply
        proxy.mode(FaultyProxy.Mode.PASS);
    }
}
