package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    private void workload() {
        // many small transactions, so the crash lands between batches of several transactions each
        for (int i = 0; i < 300; i++) {
            r.source("INSERT INTO keyed VALUES (" + i + ", 'v" + i + "') ON CONFLICT (id) DO UPDATE SET v = 'again'",
                    "INSERT INTO dupes VALUES (" + (i % 7) + ", 'same')",
                    "UPDATE keyed SET v = v || '+' WHERE id = " + (i / 2));
        }
        r.source("DELETE FROM dupes WHERE ctid = (SELECT ctid FROM dupes WHERE a = 3 LIMIT 1)");
    }

    private void assertDestinationEqualsSource() {
        r.assertSame("SELECT * FROM keyed ORDER BY id");
        // a table without a key exposes duplicates: a replayed insert would add a row
        r.assertSame("SELECT a, b, count(*) FROM dupes GROUP BY a, b ORDER BY a, b");
    }

    @ParameterizedTest(name = "crash at apply call {0}, after applying: {1}")
    @CsvSource({"3, true", "3, false", "17, true", "40, false"})
    void resumesAfterCrashWithoutLossOrDuplicates(int crashAt, boolean afterApplying) throws Exception {
        r = new Replication("CREATE TABLE keyed (id int PRIMARY KEY, v text)",
                "CREATE TABLE dupes (a int, b text)", "ALTER TABLE dupes REPLICA IDENTITY FULL").streamingOnly();
        workload();
        SinkFactory real = r.postgresSink();
        Pipeline crashing = new Pipeline(r.config().withBatching(new BatchPolicy(20, 1L << 20, Duration.ofMillis(5), 1L << 20)),
                () -> new CrashingSink(real.open(), crashAt, afterApplying));
        crashing.start();
        assertThat(crashing.awaitTermination(Duration.ofMinutes(2))).isTrue();
        assertThat(crashing.metrics().state()).isEqualTo(PipelineState.FAILED);
        Lsn confirmedAtCrash = r.confirmedFlush();
        String checkpoint = r.targetServer.scalar(r.targetDb, "SELECT lsn::text FROM walbridge.checkpoint");
        if (afterApplying) {
            // the destination is ahead of what the source was told: the replay must be skipped, not re-applied
            assertThat(Lsn.parse(checkpoint).isAfter(confirmedAtCrash)).isTrue();
        }
        r.catchUp();
        assertDestinationEqualsSource();
    }

    @Test
    void crashInsideAHugeTransactionRollsItBackAndReplaysIt() {
        r = new Replication("CREATE TABLE keyed (id int PRIMARY KEY, v text)", "CREATE TABLE dupes (a int, b text)",
                "ALTER TABLE dupes REPLICA IDENTITY FULL").streamingOnly();
        r.source("INSERT INTO dupes SELECT g % 10, 'x' FROM generate_series(1, 20000) g");
        SinkFactory real = r.postgresSink();
        Pipeline crashing = new Pipeline(r.config().withBatching(new BatchPolicy(1000, 1L << 20, Duration.ofMillis(5), 4L << 20)),
                () -> new CrashingSink(real.open(), 5, false));
        crashing.start();
        try {
            assertThat(crashing.awaitTermination(Duration.ofMinutes(2))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        // the open destination transaction, table creation included, was rolled back
        assertThat(r.targetRows("SELECT count(*) FROM pg_class WHERE relname = 'dupes'")).containsExactly(List.of("0"));
        r.catchUp();
        r.assertSame("SELECT a, b, count(*) FROM dupes GROUP BY a, b ORDER BY a, b");
    }
}
