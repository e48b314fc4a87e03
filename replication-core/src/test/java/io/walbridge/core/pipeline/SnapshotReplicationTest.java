package io.walbridge.core.pipeline;

import io.walbridge.core.change.TableId;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotReplicationTest {

    private static final String[] SCHEMA = {
        "CREATE TABLE keyed (id int PRIMARY KEY, v text, n numeric)",
        "CREATE TABLE nokey (a int, b text)",
        "ALTER TABLE nokey REPLICA IDENTITY FULL",
        "INSERT INTO keyed SELECT g, 'v' || g, g * 1.5 FROM generate_series(1, 300000) g",
        "INSERT INTO nokey SELECT g % 100, 'same' FROM generate_series(1, 5000) g"
    };

    private Replication r;

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    private void assertEqual() {
        r.assertSame("SELECT count(*), sum(id), md5(string_agg(v || n::text, ',' ORDER BY id)) FROM keyed");
        r.assertSame("SELECT a, b, count(*) FROM nokey GROUP BY a, b ORDER BY a, b");
    }

    @Test
    void createsTheSlotAndCopiesAtItsExportedSnapshot() {
        r = new Replication(false, SCHEMA);
        r.source("UPDATE keyed SET v = 'before' WHERE id < 10");
        Pipeline p = r.catchUp();
        assertEqual();
        assertThat(primaryKeyOf("keyed")).isEqualTo("id");
        assertThat(p.snapshotProgress().tables()).allSatisfy(t -> assertThat(t.done()).isTrue());
        r.source("DELETE FROM keyed WHERE id % 2 = 0", "INSERT INTO nokey VALUES (1, 'same')");
        r.catchUp();
        assertEqual();
    }

    @Test
    void copyingWhileTheSourceChangesEndsExactWithAnExistingSlot() throws Exception {
        r = new Replication(SCHEMA);
        r.source("INSERT INTO keyed VALUES (-1, 'made after the slot', 0)", "DELETE FROM nokey WHERE a = 5");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get() && i < 3000; i++) {
                r.source("UPDATE keyed SET v = v || '!' WHERE id = " + (i * 97 % 300000 + 1),
                        "INSERT INTO nokey VALUES (" + (i % 100) + ", 'new')",
                        "DELETE FROM nokey WHERE ctid = (SELECT ctid FROM nokey WHERE a = " + (i % 100) + " LIMIT 1)",
                        "INSERT INTO keyed VALUES (" + (300000 + i) + ", 'late', 1)");
            }
        });
        writer.start();
        Pipeline p = r.pipeline(r.postgresSink(), r.config().withSnapshotWorkers(4));
        p.start();
        // let the copy and the writer overlap, then stop writing and catch up with everything
        while (p.metrics().state() != PipelineState.STREAMING && p.metrics().state() != PipelineState.FAILED) {
            Thread.sleep(20);
        }
        writing.set(false);
        writer.join();
        p.stopWhenCaughtUpTo(io.walbridge.core.source.SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        assertThat(p.awaitTermination(Duration.ofMinutes(5))).isTrue();
        assertThat(p.metrics().state()).as(p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        assertEqual();
    }

    @Test
    void anInterruptedCopyResumesWithoutRecopyingCompletedTables() {
        r = new Replication(SCHEMA);
        // the destination refuses rows for nokey, so its copy fails while keyed's completes
        r.targetServer.exec(r.targetDb, "CREATE TABLE nokey (a int, b text)",
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'disk full'; END$$",
                "CREATE TRIGGER refuse BEFORE INSERT ON nokey FOR EACH ROW EXECUTE FUNCTION refuse()");
        Pipeline failing = r.pipeline(r.postgresSink(), r.config().withSnapshotWorkers(1));
        failing.start();
        awaitEnd(failing);
        assertThat(failing.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(failing.metrics().failure()).contains("nokey");
        String keyedCopiedAt = r.targetServer.scalar(r.targetDb,
                "SELECT completed_at::text FROM walbridge.snapshot_table WHERE table_name = 'keyed'");
        assertThat(keyedCopiedAt).isNotNull();
        r.targetServer.exec(r.targetDb, "DROP TRIGGER refuse ON nokey");
        r.catchUp();
        assertEqual();
        assertThat(r.targetServer.scalar(r.targetDb,
                "SELECT completed_at::text FROM walbridge.snapshot_table WHERE table_name = 'keyed'"))
                .isEqualTo(keyedCopiedAt);
    }

    @Test
    void aTableCreatedForTheCopyGetsItsPrimaryKeyAfterwardsEvenWhenTheCopyWasInterrupted() {
        r = new Replication(SCHEMA);
        // every table WalBridge creates on the destination refuses rows, so the first copy fails half-made
        r.targetServer.exec(r.targetDb,
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'disk full'; END$$",
                """
                CREATE FUNCTION refuse_new_tables() RETURNS event_trigger LANGUAGE plpgsql AS $$
                DECLARE o record;
                BEGIN
                  FOR o IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE'
                           AND schema_name = 'public' LOOP
                    EXECUTE format('CREATE TRIGGER refuse BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION public.refuse()',
                                   o.object_identity);
                  END LOOP;
                END$$""",
                "CREATE EVENT TRIGGER refuse_new_tables ON ddl_command_end EXECUTE FUNCTION refuse_new_tables()");
        Pipeline failing = r.pipeline(r.postgresSink(), r.config().withSnapshotWorkers(2));
        failing.start();
        awaitEnd(failing);
        assertThat(failing.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(failing.metrics().failure()).contains("disk full");
        assertThat(primaryKeyOf("keyed")).isEmpty();

        r.targetServer.exec(r.targetDb, "DROP EVENT TRIGGER refuse_new_tables",
                "DROP TRIGGER refuse ON keyed", "DROP TRIGGER refuse ON nokey");
        r.catchUp();
        assertEqual();
        assertThat(primaryKeyOf("keyed")).isEqualTo("id");
        assertThat(primaryKeyOf("nokey")).isEmpty();
        assertThat(r.targetRows("SELECT count(*) FROM walbridge.deferred_key")).containsExactly(List.of("0"));
    }

    private String primaryKeyOf(String table) {
        String key = r.targetServer.scalar(r.targetDb, "SELECT string_agg(a.attname, ',') FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indisprimary AND i.indrelid = 'public." + table + "'::regclass");
        return key == null ? "" : key;
    }

    @Test
    void resnapshotCopiesOneTableAgainAndLeavesTheOthers() {
        r = new Replication(SCHEMA);
        r.catchUp();
        String nokeyCopiedAt = r.targetServer.scalar(r.targetDb,
                "SELECT completed_at::text FROM walbridge.snapshot_table WHERE table_name = 'nokey'");
        r.targetServer.exec(r.targetDb, "DELETE FROM keyed WHERE id < 1000"); // someone damaged the copy
        Pipeline p = r.pipeline(r.postgresSink(), r.config());
        p.resnapshot(new TableId("public", "keyed"));
        p.stopWhenCaughtUpTo(io.walbridge.core.source.SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        p.start();
        awaitEnd(p);
        assertThat(p.metrics().state()).isEqualTo(PipelineState.STOPPED);
        assertEqual();
        assertThat(r.targetServer.scalar(r.targetDb,
                "SELECT completed_at::text FROM walbridge.snapshot_table WHERE table_name = 'nokey'")).isEqualTo(nokeyCopiedAt);
    }

    @Test
    void aTableAddedToThePublicationWhileStreamingIsCreatedAndCopied() throws Exception {
        r = new Replication("CREATE TABLE first (id int PRIMARY KEY)",
                "CREATE TABLE later (id int PRIMARY KEY, v text)",
                "INSERT INTO later SELECT g, 'existing' FROM generate_series(1, 1000) g");
        r.sourceServer.exec(r.sourceDb, "DROP PUBLICATION pub", "CREATE PUBLICATION pub FOR TABLE first");
        Pipeline p = r.pipeline(r.postgresSink(), r.config());
        p.start();
        while (p.metrics().state() != PipelineState.STREAMING) {
            Thread.sleep(20);
        }
        r.source("INSERT INTO first VALUES (1)", "ALTER PUBLICATION pub ADD TABLE later",
                "UPDATE later SET v = 'changed' WHERE id <= 10", "INSERT INTO later VALUES (1001, 'new')");
        p.stopWhenCaughtUpTo(io.walbridge.core.source.SourcePosition.current(r.sourceServer.endpoint(r.sourceDb)));
        awaitEnd(p);
        assertThat(p.metrics().state()).as(p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        r.assertSame("SELECT * FROM first");
        r.assertSame("SELECT * FROM later ORDER BY id");
        assertThat(r.targetRows("SELECT count(*) FROM later")).containsExactly(List.of("1001"));
    }

    private static void awaitEnd(Pipeline p) {
        try {
            assertThat(p.awaitTermination(Duration.ofMinutes(5))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
