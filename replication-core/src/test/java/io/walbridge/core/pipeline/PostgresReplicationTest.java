package io.walbridge.core.pipeline;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresReplicationTest {

    /** A schema with a space and a mixed-case table name with quotes in it. */
    private static final String ODD_TABLE = "\"Sales Dept\".\"Orders \"\"2026\"\"\"";

    private Replication r;

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    @Test
    void replicatesEveryTypeWithItsExactValue() {
        everyTypeTable();
        r.catchUp();
        r.assertSame("SELECT * FROM " + ODD_TABLE + " ORDER BY \"Id\"");
        assertThat(r.targetRows("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = '" + ODD_TABLE + "'::regclass AND attname = 'big'"))
                .containsExactly(java.util.List.of("numeric(60,20)"));
    }

    @Test
    void manyRowsOfEveryTypeGoThroughTheStagingTableWithTheirExactValues() {
        everyTypeTable();
        String columns = "small, num, big, r, d, ts, tstz, dt, tm, tmtz, iv, u, j, jb, b, ia, ta, m, ma, p, ip, net, mac, money,"
                + " c, vc, t, bo, bits, pt, x";
        // one statement of 120 rows: a run long enough to be copied through the staging table, then updated there too
        r.source("INSERT INTO " + ODD_TABLE + " SELECT \"Id\" + 10 * g, " + columns + " FROM " + ODD_TABLE
                + ", generate_series(1, 40) g");
        r.catchUp();
        r.source("UPDATE " + ODD_TABLE + " SET vc = 'upd' WHERE \"Id\" > 10 AND vc IS NOT NULL",
                "UPDATE " + ODD_TABLE + " SET small = 1 WHERE \"Id\" > 10 AND small IS NOT NULL");
        r.catchUp();
        r.assertSame("SELECT * FROM " + ODD_TABLE + " ORDER BY \"Id\"");
        assertThat(r.targetRows("SELECT count(*) FROM " + ODD_TABLE)).containsExactly(java.util.List.of("123"));
    }

    @Test
    void insertedRowsAlreadyOnTheDestinationAreOverwrittenInLongRunsToo() {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY, v text)", "CREATE TABLE nokey (id int, v text)");
        r.source("INSERT INTO t VALUES (0, 'first')");
        r.catchUp();
        // someone wrote rows on the destination that the source inserts later: upserts, not failures
        r.targetServer.exec(r.targetDb, "INSERT INTO t VALUES (50, 'stale'), (150, 'stale')");
        r.source("INSERT INTO t SELECT g, 'run ' || g FROM generate_series(1, 100) g",
                "INSERT INTO t SELECT g, 'run ' || g FROM generate_series(101, 200) g",
                "INSERT INTO nokey SELECT g % 10, 'dup' FROM generate_series(1, 100) g");
        r.catchUp();
        r.assertSame("SELECT * FROM t ORDER BY id");
        r.assertSame("SELECT id, v, count(*) FROM nokey GROUP BY id, v ORDER BY id");
    }

    private void everyTypeTable() {
        r = new Replication(
                "CREATE SCHEMA \"Sales Dept\"",
                "CREATE TYPE \"Sales Dept\".mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN \"Sales Dept\".positive AS integer CHECK (VALUE > 0)",
                "CREATE TABLE " + ODD_TABLE + """
                 (
                  "Id" bigint PRIMARY KEY, small smallint, num numeric, big numeric(60, 20), r real, d double precision,
                  ts timestamp, tstz timestamptz, dt date, tm time, tmtz timetz, iv interval, u uuid, j json, jb jsonb,
                  b bytea, ia integer[], ta text[], m "Sales Dept".mood, ma "Sales Dept".mood[], p "Sales Dept".positive,
                  ip inet, net cidr, mac macaddr, money money, c char(5), vc varchar(10), t text, bo boolean,
                  bits bit varying(8), pt point, x xml)""");
        r.source("INSERT INTO " + ODD_TABLE + """
                 VALUES
                (1, 32767, 'NaN', 12345678901234567890123456789012345678.12345678901234567890, 'Infinity', '-Infinity',
                 'infinity', '-infinity', 'infinity', '24:00:00', '23:59:59.999999+14', '1 year 2 mons -3 days 04:05:06.789',
                 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": 1,  "a": [1, 2]}', '{"b": 1, "a": [1, 2]}',
                 '\\x00ff10', '{1,NULL,3}', '{"a b",NULL,"c\\"d",""}', 'happy', '{sad,NULL,ok}', 7,
                 '192.168.1.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', '$1,234.56', 'ab', 'hé ☕', E'line1\\nline2\\ttab', true,
                 B'1011', '(1.5,-2)', '<a>x</a>'),
                (2, -32768, '-0.000000000000000000000000000001', -1, 'NaN', 1.7976931348623157e308,
                 '4713-01-01 00:00:00 BC', '294276-12-31 23:59:59.999999+00', '-infinity', '00:00:00', '00:00:00-12', '-178000000 years',
                 '00000000-0000-0000-0000-000000000000', 'null', '[]', '\\x', '{}', '{}', 'sad', '{}', 1,
                 '::1', '::/0', 'ff:ff:ff:ff:ff:ff', '-$0.01', '', '', '', false, B'', '(0,0)', ''),
                (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""");
    }

    @Test
    void unchangedToastValuesKeepTheDestinationsValue() {
        r = new Replication("CREATE TABLE docs (id int PRIMARY KEY, body text, title text)",
                "ALTER TABLE docs ALTER body SET STORAGE EXTERNAL");
        r.source("INSERT INTO docs SELECT g, repeat(md5(g::text), 1000), 't' FROM generate_series(1, 20) g");
        r.catchUp();
        r.source("UPDATE docs SET title = 'changed' WHERE id <= 10", "UPDATE docs SET id = id + 100 WHERE id > 15");
        r.catchUp();
        r.assertSame("SELECT id, md5(body), title FROM docs ORDER BY id");
        assertThat(r.targetRows("SELECT count(*) FROM docs WHERE body IS NULL")).containsExactly(java.util.List.of("0"));
    }

    @Test
    void primaryKeyChangesMoveTheRow() {
        r = new Replication("CREATE TABLE k (a int, b text, v text, PRIMARY KEY (a, b))");
        r.source("INSERT INTO k VALUES (1, 'x', 'one'), (2, 'y', 'two'), (3, 'z', 'three')");
        r.source("UPDATE k SET a = a + 10", "UPDATE k SET b = 'moved' WHERE a = 12", "DELETE FROM k WHERE a = 13",
                "INSERT INTO k VALUES (3, 'z', 'again')");
        r.catchUp();
        r.assertSame("SELECT * FROM k ORDER BY a, b");
    }

    @Test
    void replicaIdentityFullWithoutKeyChangesExactlyOneOfDuplicateRows() {
        r = new Replication("CREATE TABLE nokey (a int, b text, j json)", "ALTER TABLE nokey REPLICA IDENTITY FULL");
        r.source("INSERT INTO nokey VALUES (1, 'dup', '{\"k\": 1}'), (1, 'dup', '{\"k\": 1}'), (1, 'dup', '{\"k\": 1}'), "
                + "(2, NULL, NULL), (2, NULL, NULL)");
        r.catchUp();
        r.source("UPDATE nokey SET b = 'changed' WHERE ctid = (SELECT ctid FROM nokey WHERE a = 1 LIMIT 1)",
                "DELETE FROM nokey WHERE ctid = (SELECT ctid FROM nokey WHERE a = 2 LIMIT 1)",
                "UPDATE nokey SET a = 3 WHERE a = 2");
        r.catchUp();
        r.assertSame("SELECT a, b, j::text FROM nokey ORDER BY a, b NULLS FIRST");
        assertThat(r.targetRows("SELECT count(*) FROM nokey")).containsExactly(java.util.List.of("4"));
    }

    @Test
    void truncateEmptiesTheDestinationTables() {
        r = new Replication("CREATE TABLE t1 (id int PRIMARY KEY)", "CREATE TABLE t2 (id int PRIMARY KEY)");
        r.source("INSERT INTO t1 SELECT generate_series(1, 100)", "INSERT INTO t2 SELECT generate_series(1, 100)");
        r.catchUp();
        r.source("TRUNCATE t1, t2", "INSERT INTO t2 VALUES (7)");
        r.catchUp();
        r.assertSame("SELECT * FROM t1 ORDER BY id");
        r.assertSame("SELECT * FROM t2 ORDER BY id");
        assertThat(r.targetRows("SELECT count(*) FROM t2")).containsExactly(java.util.List.of("1"));
    }

    @Test
    void multiTableTransactionsApplyInCommitOrderAndRollbacksNever() throws Exception {
        r = new Replication("CREATE TABLE accounts (id int PRIMARY KEY, balance int)",
                "CREATE TABLE ledger (id serial PRIMARY KEY, account int, delta int)");
        r.source("INSERT INTO accounts VALUES (1, 100), (2, 100)");
        try (var c = r.sourceServer.connect(r.sourceDb); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE accounts SET balance = balance - 30 WHERE id = 1");
            s.execute("UPDATE accounts SET balance = balance + 30 WHERE id = 2");
            s.execute("INSERT INTO ledger (account, delta) VALUES (1, -30), (2, 30)");
            c.commit();
            s.execute("UPDATE accounts SET balance = 0");
            s.execute("INSERT INTO ledger (account, delta) VALUES (9, 999)");
            c.rollback();
        }
        r.catchUp();
        r.assertSame("SELECT * FROM accounts ORDER BY id");
        r.assertSame("SELECT account, delta FROM ledger ORDER BY id");
        assertThat(r.targetRows("SELECT count(*) FROM ledger WHERE account = 9")).containsExactly(java.util.List.of("0"));
    }

    @Test
    void confirmsTheSlotOnlyUpToWhatIsApplied() {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY)");
        r.source("INSERT INTO t SELECT generate_series(1, 10)");
        var before = r.confirmedFlush();
        Pipeline p = r.catchUp();
        assertThat(r.confirmedFlush().isAfter(before)).isTrue();
        assertThat(r.confirmedFlush().compareTo(p.metrics().confirmedLsn())).isLessThanOrEqualTo(0);
        r.assertSame("SELECT * FROM t ORDER BY id");
    }

    @Test
    void aRowChangedByManyTransactionsInOneBatchEndsAtItsLastValue() {
        r = new Replication("CREATE TABLE hot (id int PRIMARY KEY, v int)").streamingOnly();
        // one source transaction, so its changes reach the destination in one batch: each full-row update is an
        // upsert, and one multi-row upsert may not touch a row twice
        r.source("DO $$ BEGIN INSERT INTO hot VALUES (1, 0), (2, 0);"
                + " FOR i IN 1..50 LOOP UPDATE hot SET v = i WHERE id = 1 + i % 2; END LOOP; END $$");
        r.catchUp();
        r.assertSame("SELECT * FROM hot ORDER BY id");
    }
}
