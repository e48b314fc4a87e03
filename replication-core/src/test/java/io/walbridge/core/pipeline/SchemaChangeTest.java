package io.walbridge.core.pipeline;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaChangeTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    private List<List<String>> destinationColumns() {
        return r.targetRows("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'public.t'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
    }

    @Test
    void columnsAddedDroppedRenamedAndRetypedMidStreamReachTheDestinationBeforeTheirRows() {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY, a text, b int, c text)",
                "INSERT INTO t VALUES (1, 'a1', 1, 'c1')");
        r.catchUp();
        r.source("CREATE TYPE colour AS ENUM ('red', 'green')",
                "ALTER TABLE t ADD COLUMN d colour", "INSERT INTO t VALUES (2, 'a2', 2, 'c2', 'red')",
                "ALTER TABLE t DROP COLUMN c", "UPDATE t SET a = 'after drop' WHERE id = 1",
                "ALTER TABLE t RENAME COLUMN a TO \"A renamed\"", "INSERT INTO t VALUES (3, 'a3', 3, 'green')",
                "ALTER TABLE t ALTER COLUMN b TYPE bigint", "UPDATE t SET b = 9000000000 WHERE id = 3");
        r.catchUp();
        r.assertSame("SELECT * FROM t ORDER BY id");
        assertThat(destinationColumns()).containsExactly(List.of("id", "integer"), List.of("A renamed", "text"),
                List.of("b", "bigint"), List.of("d", "colour"));
    }

    @Test
    void aColumnAddedWhileStoppedIsAddedOnRestart() {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY, a text)", "INSERT INTO t VALUES (1, 'x')");
        r.catchUp();
        r.source("ALTER TABLE t ADD COLUMN extra numeric(10, 2) DEFAULT 1.5", "INSERT INTO t VALUES (2, 'y', 2.25)");
        r.catchUp();
        r.assertSame("SELECT * FROM t ORDER BY id");
    }

    @Test
    void aChangeTheDestinationCannotTakeStopsWithAClearMessage() throws Exception {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY, code text)", "INSERT INTO t VALUES (1, '42')");
        r.catchUp();
        // the destination holds a value the new type cannot take: stopping beats guessing
        r.targetServer.exec(r.targetDb, "UPDATE t SET code = 'not a number'");
        r.source("ALTER TABLE t ALTER COLUMN code TYPE int USING code::int", "INSERT INTO t VALUES (2, 7)");
        Pipeline p = r.pipeline(r.postgresSink(), r.config());
        p.stopWhenCaughtUpTo(io.walbridge.core.source.SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        p.start();
        assertThat(p.awaitTermination(java.time.Duration.ofMinutes(1))).isTrue();
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).contains("schema change of public.t").contains("not a number");
        assertThat(p.metrics().failureFix()).contains("ALTER TABLE \"public\".\"t\" ALTER COLUMN \"code\" TYPE integer");
        assertThat(r.targetRows("SELECT count(*) FROM t")).containsExactly(List.of("1"));
    }
}
