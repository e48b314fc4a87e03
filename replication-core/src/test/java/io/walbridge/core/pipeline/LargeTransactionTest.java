package io.walbridge.core.pipeline;

import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LargeTransactionTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    @Test
    void replicatesAMillionRowTransactionAsOneDestinationTransaction() {
        // streaming only: with a copy, the rows would arrive by COPY instead of through the stream
        r = new Replication("CREATE TABLE big (id bigint PRIMARY KEY, payload text, n numeric)").streamingOnly();
        r.source("INSERT INTO big SELECT g, md5(g::text), g / 7.0 FROM generate_series(1, 1000000) g");
        Pipeline p = r.catchUp();
        assertThat(p.metrics().changesApplied()).isEqualTo(1_000_000);
        assertThat(p.metrics().transactionsApplied()).isEqualTo(1);
        r.assertSame("SELECT count(*), sum(id), md5(string_agg(payload || n::text, ',' ORDER BY id)) FROM big");
    }

    @Test
    void answersKeepalivesOnAnIdleSourceWithAShortSenderTimeout() throws Exception {
        try (PgServer strict = PgServer.start(b -> b.setServerConfig("wal_sender_timeout", "2s"))) {
            String db = strict.freshDatabase();
            strict.exec(db, "CREATE TABLE t (id int PRIMARY KEY)", "CREATE PUBLICATION pub FOR ALL TABLES",
                    "SELECT pg_create_logical_replication_slot('idle', 'pgoutput')");
            PgServer target = PgServer.shared("target");
            String tdb = target.freshDatabase();
            var source = strict.endpoint(db);
            var catalog = new io.walbridge.core.source.SourceCatalog(source);
            Pipeline p = new Pipeline(new PipelineConfig(source, "pub", "idle"),
                    () -> new io.walbridge.core.sink.postgres.PostgresSink(target.endpoint(tdb), "idle", catalog));
            p.start();
            Thread.sleep(7_000); // more than three sender timeouts with nothing to replicate
            strict.exec(db, "INSERT INTO t VALUES (1)");
            p.stopWhenCaughtUpTo(io.walbridge.core.source.SourcePosition.current(source));
            assertThat(p.awaitTermination(java.time.Duration.ofMinutes(1))).isTrue();
            assertThat(p.metrics().state()).isEqualTo(PipelineState.STOPPED);
            assertThat(p.metrics().reconnects()).as("reconnects after sender timeouts").isZero();
            assertThat(target.rows(tdb, "SELECT id FROM t")).containsExactly(List.of("1"));
        }
    }
}
