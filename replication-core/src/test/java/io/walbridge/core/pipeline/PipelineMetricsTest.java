package io.walbridge.core.pipeline;

import io.walbridge.core.change.TableId;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineMetricsTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    @Test
    void countsEachTablesInsertsUpdatesAndDeletesOnceTheDestinationHoldsThem() {
        r = new Replication("CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v text)")
                .streamingOnly();
        Instant before = Instant.now().minusSeconds(1);
        r.source("INSERT INTO a SELECT g, 'x' FROM generate_series(1, 30) g",
                "UPDATE a SET v = 'y' WHERE id <= 10",
                "DELETE FROM a WHERE id > 25",
                "INSERT INTO b VALUES (1, 'one'), (2, 'two')",
                "DELETE FROM b WHERE id = 2");
        PipelineMetrics m = r.catchUp().metrics();

        assertThat(m.tables()).extracting(TableCounts::table, TableCounts::inserts, TableCounts::updates,
                        TableCounts::deletes, TableCounts::errors)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new TableId("public", "a"), 30L, 10L, 5L, 0L),
                        org.assertj.core.groups.Tuple.tuple(new TableId("public", "b"), 2L, 0L, 1L, 0L));
        assertThat(m.tables()).allSatisfy(t -> assertThat(t.lastChange()).isAfter(before).isBefore(Instant.now()));
        assertThat(m.changesApplied()).isEqualTo(48);
        assertThat(m.changesRead()).isEqualTo(48);
        assertThat(m.transactionsApplied()).isEqualTo(5);
        assertThat(m.bytesApplied()).isPositive();
        ApplyLatency.Percentiles p = m.latency().since(before).orElseThrow();
        assertThat(p.samples()).isEqualTo(5);
        assertThat(p.p50()).isLessThanOrEqualTo(p.p99());
        assertThat(p.p99()).isLessThan(Duration.ofMinutes(10));
        assertThat(m.latency().since(Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void aRowTheDestinationRejectsCountsAsAnErrorOfItsTableAndNothingIsCounted() throws Exception {
        r = new Replication("CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v text)")
                .streamingOnly();
        r.source("INSERT INTO a VALUES (1, 'fine')", "INSERT INTO b VALUES (1, 'fine')");
        r.catchUp();
        r.targetServer.exec(r.targetDb, "ALTER TABLE a ADD CONSTRAINT no_bad CHECK (v <> 'bad')");
        r.source("INSERT INTO a VALUES (2, 'bad')");
        Pipeline p = r.pipeline(r.postgresSink(), r.config());
        p.start();
        assertThat(p.awaitTermination(Duration.ofMinutes(2))).isTrue();

        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        List<TableCounts> tables = p.metrics().tables();
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo(new TableId("public", "a"));
            assertThat(t.errors()).isEqualTo(1);
            assertThat(t.inserts()).isZero();
        });
        assertThat(p.metrics().changesApplied()).isZero();
    }
}
