package io.walbridge.app.demo;

import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change generator against a real server holding the sample shop, with a clock the test moves: it makes the
 * changes due at its rate across all five tables (inserts, updates, deletes, also on the table without a key),
 * follows a new rate at once without a burst, and makes its large transaction on schedule.
 */
class ChangeGeneratorTest {

    private static final long SECOND = 1_000_000_000L;
    private final PgServer server = PgServer.shared("source");
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private String db;
    private String slot;

    @BeforeEach
    void sampleShop() throws SQLException {
        db = server.freshDatabase();
        try (Connection c = server.connect(db)) {
            ShopData.load(c, 0.01, table -> { });
        }
        // a test_decoding slot shows every change the generator committed, by table and kind
        slot = "gen_" + db;
        server.exec(db, "SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");
    }

    @Test
    void makesTheChangesDueAtItsRateAcrossAllTables() throws SQLException {
        try (ChangeGenerator generator = generator(new ChangeGenerator.Settings(200, Duration.ZERO, 1))) {
            generator.step(); // the rate's clock starts here
            for (int i = 0; i < 10; i++) {
                clock.addAndGet(SECOND);
                generator.step();
            }
            // 10 s at 200 rows/s; a transaction in hand may overshoot by the few rows of one order
            assertThat(generator.changesMade()).isBetween(2_000L, 2_010L);
            Map<String, Long> seen = changesByTableAndKind();
            assertThat(seen.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(generator.changesMade());
            assertThat(seen).containsKeys("shop.customers INSERT", "shop.customers UPDATE", "shop.products UPDATE",
                    "shop.orders INSERT", "shop.orders UPDATE", "shop.orders DELETE", "shop.order_lines INSERT",
                    "shop.order_lines DELETE", "shop.events INSERT", "shop.events UPDATE", "shop.events DELETE");
        }
    }

    @Test
    void aNewRateTakesEffectAtOnceWithoutCatchingUp() throws SQLException {
        try (ChangeGenerator generator = generator(new ChangeGenerator.Settings(100, Duration.ZERO, 1))) {
            generator.step();
            generator.setRate(0);
            clock.addAndGet(30 * SECOND);
            generator.step();
            assertThat(generator.changesMade()).isZero();

            generator.setRate(50);
            generator.step();
            clock.addAndGet(2 * SECOND);
            generator.step();
            // paused time is not made up for: only the two seconds at the new rate count
            assertThat(generator.changesMade()).isBetween(100L, 110L);
        }
    }

    @Test
    void makesOneLargeTransactionWhenItsTimeComes() throws SQLException {
        try (ChangeGenerator generator = generator(new ChangeGenerator.Settings(0, Duration.ofMinutes(5), 600))) {
            clock.addAndGet(299 * SECOND);
            generator.step();
            assertThat(generator.largeTransactionsMade()).isZero();

            clock.addAndGet(SECOND);
            generator.step();
            assertThat(generator.largeTransactionsMade()).isEqualTo(1);
            assertThat(generator.changesMade()).isEqualTo(600);
            assertThat(changesByTableAndKind()).containsExactly(Map.entry("shop.order_lines UPDATE", 600L));
            assertThat(transactionsSeen()).isEqualTo(1);
        }
    }

    @Test
    void runsOnItsOwnThreadUntilClosed() throws Exception {
        ChangeGenerator generator = new ChangeGenerator(server.endpoint(db), new ChangeGenerator.Settings(500,
                Duration.ZERO, 1));
        generator.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (generator.changesMade() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        generator.close();
        long made = generator.changesMade();
        assertThat(made).isGreaterThanOrEqualTo(50);
        assertThat(generator.lastError()).isNull();
        // closed: nothing more happens on the source
        assertThat(changesByTableAndKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(made);
    }

    private ChangeGenerator generator(ChangeGenerator.Settings settings) {
        return new ChangeGenerator(server.endpoint(db), settings, clock::get);
    }

    private Map<String, Long> changesByTableAndKind() {
        Map<String, Long> out = new HashMap<>();
        List<List<String>> rows = server.rows(db, "SELECT substring(data from '^table ([^:]+): ([A-Z]+):') AS t,"
                + " substring(data from '^table [^:]+: ([A-Z]+):') AS k, count(*) FROM pg_logical_slot_peek_changes('"
                + slot + "', NULL, NULL) WHERE data LIKE 'table %' GROUP BY 1, 2");
        for (List<String> r : rows) {
            out.put(r.get(0) + " " + r.get(1), Long.parseLong(r.get(2)));
        }
        return out;
    }

    private long transactionsSeen() {
        return Long.parseLong(server.scalar(db, "SELECT count(*) FROM pg_logical_slot_peek_changes('" + slot
                + "', NULL, NULL) WHERE data LIKE 'COMMIT%'"));
    }
}
