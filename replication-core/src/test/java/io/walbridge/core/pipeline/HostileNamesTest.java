package io.walbridge.core.pipeline;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names made to break SQL built by concatenation — quotes, spaces, semicolons, comments, keywords, non-ASCII —
 * through the whole path: copy, stream, schema changes, truncate, and verify. Every statement quotes them as
 * identifiers and binds values, so they are only names.
 */
class HostileNamesTest {

    private static final String SCHEMA = "\"Sch ema\"\"; DROP SCHEMA public CASCADE; --\"";
    private static final String TABLE = SCHEMA + ".\"Ta\"\"ble'); DROP TABLE t; --\"";
    private static final String TYPE = SCHEMA + ".\"mo\"\"od's\"";

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    @Test
    void hostileSchemaTableColumnAndTypeNamesReplicateAndVerifyEqual() {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY)", "CREATE SCHEMA " + SCHEMA,
                "CREATE TYPE " + TYPE + " AS ENUM ('ha''ppy', 'sad \"x\"')",
                "CREATE TABLE " + TABLE + " (\"a b\" int PRIMARY KEY, \"ü'\" text, \"select\" " + TYPE + ", \"x\"\"y\" jsonb)",
                "INSERT INTO " + TABLE + " VALUES (1, 'O''Brien; --', 'ha''ppy', '{\"k\": \"v''\"}'), (2, NULL, 'sad \"x\"', NULL)");
        r.catchUp();

        r.source("INSERT INTO " + TABLE + " VALUES (3, '\\\\ \"quoted\" ''single''', 'ha''ppy', '[1, \"two\"]')",
                "UPDATE " + TABLE + " SET \"ü'\" = 'changed''' WHERE \"a b\" = 1",
                "DELETE FROM " + TABLE + " WHERE \"a b\" = 2",
                "ALTER TABLE " + TABLE + " ADD COLUMN \"new; DROP TABLE t; --\" text DEFAULT 'd''efault'",
                "ALTER TABLE " + TABLE + " RENAME COLUMN \"x\"\"y\" TO \"z'); --\"",
                "INSERT INTO " + TABLE + " VALUES (4, 'four', 'sad \"x\"', NULL, 'n')");
        r.catchUp();

        r.assertSame("SELECT * FROM " + TABLE + " ORDER BY 1");
        assertThat(r.assertVerifiedEqual().tables()).extracting(d -> d.table().name())
                .contains("Ta\"ble'); DROP TABLE t; --");
        assertThat(r.targetRows("SELECT count(*) FROM t")).as("the decoy table survived").containsExactly(java.util.List.of("0"));

        r.source("TRUNCATE " + TABLE);
        r.catchUp();
        r.assertSame("SELECT count(*) FROM " + TABLE);
    }
}
