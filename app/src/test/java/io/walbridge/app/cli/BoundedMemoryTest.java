package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMemoryTest {

    private static final int ROWS = 5_000_000;

    private Replication r;

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    @Test
    void streamsAFiveMillionRowTransactionWithA256MegabyteHeap() throws Exception {
        r = new Replication("CREATE TABLE big (id bigint PRIMARY KEY, payload text, amount numeric(12, 2))");
        ChildProcess child = ChildProcess.startWithJvmOptions(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                "run", "--source", r.sourceServer.url(r.sourceDb), "--target", r.targetServer.url(r.targetDb),
                "--publication", r.publication, "--slot", r.slot);
        // the empty table is copied first; the transaction below then has to come through the stream
        awaitTrue(() -> "1".equals(scalarOrNull("SELECT count(*) FROM walbridge.snapshot_table")), child);
        r.source("INSERT INTO big SELECT g, md5(g::text), g / 100.0 FROM generate_series(1, " + ROWS + ") g");
        awaitTrue(() -> String.valueOf(ROWS).equals(scalarOrNull("SELECT count(*) FROM big")), child);
        assertThat(child.process.isAlive()).as("engine still running (no OutOfMemoryError)").isTrue();
        assertThat(child.stop()).isIn(0, 143);
        r.assertSame("SELECT count(*), sum(id), sum(amount), md5(string_agg(payload, '' ORDER BY id)) FROM big");
    }

    private String scalarOrNull(String sql) {
        try {
            return r.targetServer.scalar(r.targetDb, sql);
        } catch (IllegalStateException notThereYet) {
            return null;
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, ChildProcess child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(child.process.isAlive()).as("engine exited early; output:%n%s", child.output()).isTrue();
            assertThat(System.nanoTime()).as("waited too long; output:%n%s", child.output()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
