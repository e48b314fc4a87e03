package io.walbridge.core.sink.bigquery;

import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryReplicationTest {

    private StandInReplication r;

    @AfterEach
    void close() {
        if (r != null) {
            r.close();
        }
    }

    @Test
    void snapshotThenStreamEndsEqualToTheSource() {
        r = new StandInReplication("CREATE TABLE items (id int PRIMARY KEY, name text, qty int)");
        r.source.source("INSERT INTO items SELECT g, 'item ' || g, g FROM generate_series(1, 300) g");
        r.catchUp();
        r.source.source("UPDATE items SET qty = qty * 10 WHERE id % 3 = 0", "DELETE FROM items WHERE id % 7 = 0",
                "INSERT INTO items VALUES (1000, 'new', 1)");
        r.catchUp();
        assertThat(r.rows("public_items", "id", "name", "qty"))
                .containsExactlyElementsOf(r.sourceRows("SELECT id::text, name, qty::text FROM items"));
        assertThat(r.table("public_items").primaryKey()).containsExactly("id");
        assertThat(r.table("public_items").maxStaleness()).isEqualTo("0-0 0 0:15:0");
        assertThat(r.table("_walbridge_checkpoint").rows()).singleElement()
                .satisfies(row -> assertThat(row.get("lsn_text")).isEqualTo(r.source.confirmedFlush().toString()));
    }

    @Test
    void unchangedToastValuesAreFilledFromTheOldRowOrTheSource() {
        r = new StandInReplication("CREATE TABLE docs (id int PRIMARY KEY, body text, title text)",
                "ALTER TABLE docs ALTER body SET STORAGE EXTERNAL",
                "CREATE TABLE full_docs (id int PRIMARY KEY, body text, title text)",
                "ALTER TABLE full_docs ALTER body SET STORAGE EXTERNAL", "ALTER TABLE full_docs REPLICA IDENTITY FULL");
        r.source.source("INSERT INTO docs SELECT g, repeat(md5(g::text), 1000), 't' FROM generate_series(1, 20) g",
                "INSERT INTO full_docs SELECT * FROM docs");
        r.catchUp();
        // title-only updates leave body unchanged (pgoutput 'u'); a later change of the same rows must still win
        r.source.source("UPDATE docs SET title = 'changed' WHERE id <= 10", "UPDATE docs SET id = id + 100 WHERE id > 15",
                "UPDATE full_docs SET title = 'changed' WHERE id <= 10",
                "UPDATE docs SET body = 'rewritten' WHERE id = 3", "UPDATE docs SET title = 'again' WHERE id = 3",
                "DELETE FROM docs WHERE id = 4");
        r.catchUp();
        for (String t : List.of("docs", "full_docs")) {
            assertThat(r.rows("public_" + t, "id", "body", "title")).as(t)
                    .containsExactlyElementsOf(r.sourceRows("SELECT id::text, body, title FROM " + t));
        }
    }

    @Test
    void primaryKeyChangesMoveTheRow() {
        r = new StandInReplication("CREATE TABLE k (a int, b text, v text, PRIMARY KEY (a, b))");
        r.source.source("INSERT INTO k VALUES (1, 'x', 'one'), (2, 'y', 'two'), (3, 'z', 'three')");
        r.catchUp();
        r.source.source("UPDATE k SET a = a + 10", "UPDATE k SET b = 'moved' WHERE a = 12", "DELETE FROM k WHERE a = 13",
                "INSERT INTO k VALUES (3, 'z', 'again')");
        r.catchUp();
        assertThat(r.rows("public_k", "a", "b", "v")).containsExactlyElementsOf(r.sourceRows("SELECT a::text, b, v FROM k"));
    }

    @Test
    void tablesWithoutKeyOrMarkedAppendOnlyGetOneRowPerChange() {
        r = new StandInReplication("CREATE TABLE events (kind text, n int)", "ALTER TABLE events REPLICA IDENTITY FULL",
                "CREATE TABLE audit (id int PRIMARY KEY, v text)");
        r.withTarget(t -> BigQueryTarget.parse(r.standIn.url(StandInReplication.PROJECT, r.dataset, "append_only=public.audit")));
        r.source.source("INSERT INTO events VALUES ('a', 1), ('a', 1)", "INSERT INTO audit VALUES (1, 'v1')");
        r.catchUp();
        r.source.source("UPDATE events SET n = 2 WHERE ctid = (SELECT ctid FROM events LIMIT 1)",
                "UPDATE audit SET v = 'v2'", "DELETE FROM audit", "TRUNCATE events");
        r.catchUp();
        assertThat(r.table("public_events").primaryKey()).isEmpty();
        assertThat(r.rows("public_events", "_walbridge_op", "kind", "n")).containsExactly(
                List.of("snapshot", "a", "1"), List.of("snapshot", "a", "1"), List.of("truncate", "null", "null")
                        .stream().map(v -> v.equals("null") ? null : v).toList(), List.of("update", "a", "2"));
        // a delete carries only the key under REPLICA IDENTITY DEFAULT
        assertThat(r.rows("public_audit", "_walbridge_op", "id", "v")).containsExactly(
                java.util.Arrays.asList("delete", "1", null), List.of("snapshot", "1", "v1"), List.of("update", "1", "v2"));
        List<Map<String, Object>> streamed = r.table("public_audit").rows().stream()
                .filter(row -> row.get("_walbridge_lsn") != null).toList();
        assertThat(streamed).allSatisfy(row -> assertThat(row.get("_walbridge_change_id"))
                .isEqualTo(Long.toHexString((Long) row.get("_walbridge_lsn")).toUpperCase() + "/"
                        + Long.toHexString((Long) row.get("_walbridge_change_pos")).toUpperCase()));
    }

    @Test
    void truncateEmptiesCurrentStateTables() {
        r = new StandInReplication("CREATE TABLE t1 (id int PRIMARY KEY)", "CREATE TABLE t2 (id int PRIMARY KEY)");
        r.source.source("INSERT INTO t1 SELECT generate_series(1, 100)", "INSERT INTO t2 SELECT generate_series(1, 100)");
        r.catchUp();
        r.source.source("TRUNCATE t1, t2", "INSERT INTO t2 VALUES (7)");
        r.catchUp();
        assertThat(r.rows("public_t1", "id")).isEmpty();
        assertThat(r.rows("public_t2", "id")).containsExactly(List.of("7"));
    }

    @Test
    void addedSourceColumnsAreAddedAndARetypeBigQueryCannotTakeStopsClearly() {
        r = new StandInReplication("CREATE TABLE s (id int PRIMARY KEY, a text)");
        r.source.source("INSERT INTO s VALUES (1, 'x')");
        r.catchUp();
        r.source.source("ALTER TABLE s ADD COLUMN b int", "INSERT INTO s VALUES (2, 'y', 5)", "UPDATE s SET b = 1 WHERE id = 1");
        r.catchUp();
        assertThat(r.rows("public_s", "id", "a", "b")).containsExactly(List.of("1", "x", "1"), List.of("2", "y", "5"));
        r.source.source("ALTER TABLE s ALTER COLUMN b TYPE text", "INSERT INTO s VALUES (3, 'z', 'text now')");
        Pipeline p = r.runToEnd(r.pipeline());
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).contains("public_s.b", "INT64", "STRING");
        assertThat(p.metrics().failureFix()).contains("--resnapshot public.s");
    }

    @Test
    void retriableErrorsAreRetriedAndTheResultIsExact() {
        r = new StandInReplication("CREATE TABLE items (id int PRIMARY KEY, v int)", "CREATE TABLE log (line text)",
                "ALTER TABLE log REPLICA IDENTITY FULL");
        r.source.source("INSERT INTO items SELECT g, g FROM generate_series(1, 50) g");
        r.catchUp();
        for (int i = 0; i < 30; i++) {
            r.source.source("UPDATE items SET v = v + 1 WHERE id % 5 = " + (i % 5), "INSERT INTO log VALUES ('l" + i + "')");
        }
        r.standIn.faults().breakNextStreams(2).exhaustQuotaForNextAppends(2).failNextRestCalls(1);
        Pipeline p = r.catchUp();
        assertThat(r.standIn.faults().injected()).isEqualTo(5);
        assertThat(p.metrics().reconnects()).as("quota errors end the session and are retried").isPositive();
        assertThat(r.rows("public_items", "id", "v")).containsExactlyElementsOf(r.sourceRows("SELECT id::text, v::text FROM items"));
        // a retried append may have been written twice: the change id tells copies apart
        Set<Object> ids = new HashSet<>();
        r.table("public_log").rows().forEach(row -> ids.add(row.get("_walbridge_change_id")));
        assertThat(ids).hasSize(30);
    }

    @Test
    void aRowBigQueryRefusesStopsThePipelineNamingTableAndKeyAndIsNeverConfirmed() {
        r = new StandInReplication("CREATE TABLE items (id int PRIMARY KEY, v text)");
        r.source.source("INSERT INTO items VALUES (1, 'ok')");
        r.catchUp();
        var before = r.source.confirmedFlush();
        r.standIn.faults().refuseRows(row -> row.table().equals("public_items") && Long.valueOf(42).equals(row.value("id")));
        r.source.source("INSERT INTO items VALUES (41, 'fine'), (42, 'refused')");
        Pipeline p = r.runToEnd(r.pipeline());
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).contains("BigQuery refused the row (id=42) of public.items", "row refused");
        assertThat(r.source.confirmedFlush()).isEqualTo(before);
        assertThat(r.rows("public_items", "id")).containsExactly(List.of("1"));
    }
}
