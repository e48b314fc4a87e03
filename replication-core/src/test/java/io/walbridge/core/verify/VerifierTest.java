package io.walbridge.core.verify;

import io.walbridge.core.change.TableId;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    private Verifier.Report verify(String... tables) throws InterruptedException {
        Verifier v = new Verifier(r.sourceServer.endpoint(r.sourceDb), r.targetServer.endpoint(r.targetDb),
                new Verifier.Options(Duration.ofSeconds(5), 2), Clock.systemUTC());
        List<TableId> ids = new ArrayList<>();
        for (String t : tables) {
            ids.add(TableId.parse(t));
        }
        return v.verify(ids, d -> { });
    }

    @Test
    void replicatedTablesVerifyEqual() throws Exception {
        r = new Replication("CREATE TABLE a (id int PRIMARY KEY, v text, j jsonb)", "CREATE TABLE b (x int, y text)",
                "ALTER TABLE b REPLICA IDENTITY FULL",
                "INSERT INTO a SELECT g, 'v' || g, jsonb_build_object('g', g) FROM generate_series(1, 5000) g",
                "INSERT INTO b SELECT g % 3, 'dup' FROM generate_series(1, 30) g");
        r.catchUp();
        Verifier.Report report = verify();
        // the pipeline has stopped, so there is nothing to wait for: the tables are compared as they are
        assertThat(report.caughtUp()).isFalse();
        assertThat(report.tables()).extracting(d -> d.table().toString()).containsExactly("public.a", "public.b");
        assertThat(report.equal()).isTrue();
        assertThat(report.tables().get(0).sourceRows()).isEqualTo(5000);
    }

    @Test
    void reportsMissingExtraAndDifferingKeysFoundByBisecting() throws Exception {
        r = new Replication("CREATE TABLE big (id int PRIMARY KEY, v text)",
                "INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 60000) g");
        r.catchUp();
        r.targetServer.exec(r.targetDb, "DELETE FROM big WHERE id = 777", "UPDATE big SET v = 'tampered' WHERE id = 4242",
                "INSERT INTO big VALUES (-5, 'stray')");
        TableDifference d = verify("public.big").tables().get(0);
        assertThat(d.equal()).isFalse();
        assertThat(d.missing()).containsExactly("(777)");
        assertThat(d.differing()).containsExactly("(4242)");
        assertThat(d.extra()).containsExactly("(-5)");
        assertThat(d.sourceRows()).isEqualTo(60000);
    }

    @Test
    void countsDuplicateRowsOfKeylessTables() throws Exception {
        r = new Replication("CREATE TABLE log (x int, y text)", "ALTER TABLE log REPLICA IDENTITY FULL",
                "INSERT INTO log VALUES (1, 'a'), (1, 'a'), (2, 'b')");
        r.catchUp();
        r.targetServer.exec(r.targetDb, "DELETE FROM log WHERE ctid = (SELECT ctid FROM log WHERE x = 1 LIMIT 1)",
                "INSERT INTO log VALUES (2, 'b')");
        TableDifference d = verify("public.log").tables().get(0);
        assertThat(d.missing()).containsExactly("(1,a)");
        assertThat(d.extra()).containsExactly("(2,b)");
    }

    @Test
    void aTableTheDestinationLacksIsReported() throws Exception {
        r = new Replication("CREATE TABLE only_here (id int PRIMARY KEY)");
        TableDifference d = verify("public.only_here").tables().get(0);
        assertThat(d.targetTableMissing()).isTrue();
        assertThat(d.equal()).isFalse();
    }
}
