package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;

/**
 * The source database: one table per measurement, each in its own publication, filled with rows
 * that carry the usual mix of types (bigint key, text, numeric, timestamptz).
 */
final class SourceData {

    static final String DB = "bench";
    static final String COLUMNS = "id bigint PRIMARY KEY, payload text, amount numeric(12, 2), created timestamptz";

    private final BenchServer source;

    SourceData(BenchServer source) {
        this.source = source;
        source.exec("postgres", "CREATE DATABASE " + DB);
    }

    BenchServer server() {
        return source;
    }

    /** Creates {@code table} and a publication {@code table_pub} for it alone. */
    void createTable(String table) {
        source.exec(DB, "CREATE TABLE " + table + " (" + COLUMNS + ")",
                "CREATE PUBLICATION " + publication(table) + " FOR TABLE " + table);
    }

    static String publication(String table) {
        return table + "_pub";
    }

    /** Inserts rows 1..n in one transaction. */
    void insert(String table, long n) {
        source.exec(DB, "INSERT INTO " + table + " SELECT g, md5(g::text), g / 100.0,"
                + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, " + n + ") g");
    }

    /** Fresh statistics, as a table that has lived a while has them (the copy plans its page ranges from them). */
    void analyze(String table) {
        source.exec(DB, "VACUUM ANALYZE " + table);
    }

    /** {@code n} transactions of one single-row UPDATE each, spread over rows 1..{@code rows}. */
    void singleRowUpdates(String table, long n, long rows) {
        // a DO block with COMMIT per loop makes n real transactions without n client round trips
        source.exec(DB, "DO $$ BEGIN FOR i IN 1.." + n + " LOOP "
                + "UPDATE " + table + " SET amount = amount + 1, payload = md5(i::text) WHERE id = 1 + (i * 7919) % " + rows + "; "
                + "COMMIT; END LOOP; END $$");
    }

    Lsn currentLsn() {
        return Lsn.parse(source.scalar(DB, "SELECT pg_current_wal_lsn()::text"));
    }

    void createSlot(String slot) {
        source.exec(DB, "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
    }

    void dropSlot(String slot) {
        source.exec(DB, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
    }

    /** Count and order-independent sums: equal on both sides when the copy is exact. */
    static String fingerprint(BenchServer server, String db, String table) {
        return server.scalar(db, "SELECT count(*) || ' rows, sum(id) ' || coalesce(sum(id), 0) || ', sum(amount) '"
                + " || coalesce(sum(amount), 0) || ', sum(hash) ' || coalesce(sum(hashtext(payload || created::text)::bigint), 0)"
                + " FROM " + table);
    }

    void assertSame(BenchServer destination, String db, String table) {
        String want = fingerprint(source, DB, table);
        String got = fingerprint(destination, db, table);
        if (!want.equals(got)) {
            throw new IllegalStateException(destination.role() + " database " + db + " differs from the source for "
                    + table + ": source " + want + ", destination " + got);
        }
    }
}
