package io.walbridge.core.pipeline;

import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The publication changes under the engine: a table leaves it, comes back, or is dropped on the source. */
class PublicationChangeTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    private void twoPublishedTables() {
        r = new Replication("CREATE TABLE a (id int PRIMARY KEY, v text)", "CREATE TABLE b (id int PRIMARY KEY, v text)",
                "INSERT INTO a SELECT g, 'a' FROM generate_series(1, 50) g",
                "INSERT INTO b SELECT g, 'b' FROM generate_series(1, 50) g");
        r.source("DROP PUBLICATION " + r.publication, "CREATE PUBLICATION " + r.publication + " FOR TABLE a, b");
    }

    private List<List<String>> copyRecords() {
        return r.targetRows("SELECT table_name FROM walbridge.snapshot_table ORDER BY 1");
    }

    @Test
    void aTableRemovedFromThePublicationIsKeptAsItWasAndCopiedAgainWhenPublishedAgain() {
        twoPublishedTables();
        r.catchUp();
        List<List<String>> bWhenRemoved = r.targetRows("SELECT * FROM b ORDER BY id");

        r.source("ALTER PUBLICATION " + r.publication + " DROP TABLE b", "UPDATE a SET v = 'a2'", "UPDATE b SET v = 'b2'");
        r.catchUp();

        r.assertSame("SELECT * FROM a ORDER BY id");
        assertThat(r.targetRows("SELECT * FROM b ORDER BY id")).as("b is no longer updated").isEqualTo(bWhenRemoved);
        assertThat(copyRecords()).as("b's copy is forgotten").containsExactly(List.of("a"));

        r.source("DELETE FROM b WHERE id > 40", "ALTER PUBLICATION " + r.publication + " ADD TABLE b",
                "UPDATE b SET v = 'b3' WHERE id <= 5");
        r.catchUp();

        r.assertSame("SELECT * FROM b ORDER BY id");
        assertThat(copyRecords()).containsExactly(List.of("a"), List.of("b"));
        r.assertVerifiedEqual();
    }

    @Test
    void aTableDroppedOnTheSourceWhileStreamingLeavesItsCopyAndTheRestStreamsOn() throws Exception {
        twoPublishedTables();
        Pipeline p = r.pipeline(r.postgresSink(), r.config());
        p.start();
        assertThat(Replication.await(Duration.ofMinutes(1), () -> p.metrics().state() == PipelineState.STREAMING)).isTrue();

        r.source("UPDATE b SET v = 'last'", "DROP TABLE b", "INSERT INTO a VALUES (51, 'after the drop')");
        p.stopWhenCaughtUpTo(SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        assertThat(p.awaitTermination(Duration.ofMinutes(2))).isTrue();
        assertThat(p.metrics().state()).as("failure: %s", p.metrics().failure()).isEqualTo(PipelineState.STOPPED);

        r.assertSame("SELECT * FROM a ORDER BY id");
        assertThat(r.targetRows("SELECT DISTINCT v FROM b")).as("the copy keeps its last state")
                .containsExactly(List.of("last"));
        r.catchUp(); // the next start notices that b left the publication
        assertThat(copyRecords()).containsExactly(List.of("a"));
        assertThat(r.assertVerifiedEqual().tables()).extracting(d -> d.table().name()).containsExactly("a");
    }
}
