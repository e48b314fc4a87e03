package io.walbridge.app.demo;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.Secret;
import io.walbridge.core.setup.Cancellation;
import io.walbridge.core.source.PgEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's two servers on real embedded PostgreSQL, in a demo folder of the test's own: logins need the
 * stored password, the sample shop has the advertised shape, a second start reuses data and ports, a second
 * demo on the same folder is refused, a reset starts from fresh data, and a stopped demo leaves no process.
 */
class DemoDatabasesTest {

    /** One demo folder for all tests, as on a user's machine: the binaries are unpacked once, data is reused. */
    @TempDir
    static Path home;

    private static DemoFolder folder() {
        return new DemoFolder(home.resolve("demo"));
    }

    private static FileSecretStore secrets() {
        return new FileSecretStore(home.resolve("config").resolve("secrets.properties"));
    }

    private static DemoSession start(boolean reset) {
        DemoSession.Options options = new DemoSession.Options(0.01, reset, false,
                ChangeGenerator.Settings.DEFAULT);
        return DemoSession.start(folder(), secrets(), options, step -> { }, new Cancellation());
    }

    @Test
    void aSecondStartReusesDataAndPortsAndEveryStopLeavesNoServerRunning() throws SQLException {
        List<Long> pids = new ArrayList<>();
        int sourcePort;
        try (DemoSession first = start(false)) {
            sourcePort = first.source().port();
            pids.addAll(first.serverPids());
            exec(first.source(), "INSERT INTO shop.products (sku, name, description, price, stock, attributes,"
                    + " updated_at) VALUES ('KEPT-1', 'kept', 'kept', 1, 1, '{}', now())");
        }
        assertGone(pids);
        try (DemoSession second = start(false)) {
            assertThat(second.sampleReused()).isTrue();
            assertThat(second.source().port()).isEqualTo(sourcePort);
            assertThat(count(second.source(), "SELECT count(*) FROM shop.products WHERE sku = 'KEPT-1'")).isEqualTo(1);
            pids.addAll(second.serverPids());
        }
        assertGone(pids);
        try (DemoSession fresh = start(true)) {
            assertThat(fresh.sampleReused()).isFalse();
            assertThat(count(fresh.source(), "SELECT count(*) FROM shop.products WHERE sku = 'KEPT-1'")).isZero();
        }
    }

    @Test
    void loginsNeedTheStoredPasswordWhichTheEndpointsNeverShow() {
        try (DemoSession demo = start(false)) {
            Secret password = secrets().get(DemoDatabases.PASSWORD_KEY).orElseThrow();
            assertThat(demo.source().password()).isEqualTo(password);
            assertThat(demo.source().display()).doesNotContain(password.value());
            for (PgEndpoint endpoint : List.of(demo.source(), demo.destination())) {
                assertThatThrownBy(() -> endpoint.withPassword(Secret.NONE).connect().close())
                        .hasMessageContaining("password");
                assertThatThrownBy(() -> endpoint.withPassword(new Secret("wrong")).connect().close())
                        .hasMessageContaining("password authentication failed");
            }
        }
    }

    @Test
    void theSampleShopHasTheAdvertisedShape() throws SQLException {
        try (DemoSession demo = start(false)) {
            PgEndpoint s = demo.source();
            assertThat(count(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'shop'")).isEqualTo(5);
            assertThat(demo.sampleRows()).isEqualTo(count(s, "SELECT (SELECT count(*) FROM shop.customers)"
                    + " + (SELECT count(*) FROM shop.products) + (SELECT count(*) FROM shop.orders)"
                    + " + (SELECT count(*) FROM shop.order_lines) + (SELECT count(*) FROM shop.events)"));
            // events: no key, so updates and deletes replicate with the whole old row
            assertThat(count(s, "SELECT count(*) FROM pg_index WHERE indrelid = 'shop.events'::regclass")).isZero();
            assertThat(count(s, "SELECT count(*) FROM pg_class WHERE oid = 'shop.events'::regclass"
                    + " AND relreplident = 'f'")).isEqualTo(1);
            // some product descriptions are stored out of line (TOAST)
            assertThat(count(s, "SELECT pg_relation_size(reltoastrelid) FROM pg_class"
                    + " WHERE oid = 'shop.products'::regclass")).isPositive();
            assertThat(count(s, "SELECT count(DISTINCT atttypid) FROM pg_attribute WHERE attrelid IN"
                    + " (SELECT oid FROM pg_class WHERE relnamespace = 'shop'::regnamespace AND relkind = 'r')"
                    + " AND attnum > 0 AND atttypid IN ('numeric'::regtype, 'timestamptz'::regtype, 'jsonb'::regtype,"
                    + " 'uuid'::regtype, 'text[]'::regtype, 'shop.order_status'::regtype, 'bytea'::regtype,"
                    + " 'inet'::regtype, 'date'::regtype, 'real'::regtype)")).isEqualTo(10);
            assertThat(count(s, "SELECT count(*) FROM shop.order_lines")).isGreaterThan(count(s,
                    "SELECT count(*) FROM shop.orders"));
        }
    }

    @Test
    void aSecondDemoOnTheSameDataIsRefusedWhileTheFirstRuns() {
        try (DemoSession running = start(false)) {
            assertThatThrownBy(() -> start(false)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("the demo is already running");
            assertThatThrownBy(() -> DemoDatabases.reset(folder(), secrets())).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("the demo is already running");
            assertThat(running.serverPids()).allMatch(ServerProcesses::isAlive);
        }
    }

    @Test
    void aCancelledStartStopsWhatItStarted() {
        Cancellation cancellation = new Cancellation();
        assertThatThrownBy(() -> DemoSession.start(folder(), secrets(), DemoSession.Options.DEFAULT.withReset(true), step -> {
            if (step.startsWith("loading sample rows")) {
                cancellation.cancel();
            }
        }, cancellation)).isInstanceOf(DemoSession.Cancelled.class);
        for (DemoRole role : DemoRole.values()) {
            assertThat(folder().dataOf(role).resolve("postmaster.pid")).doesNotExist();
        }
    }

    private static void assertGone(List<Long> pids) {
        assertThat(pids).allMatch(pid -> pid > 0).noneMatch(ServerProcesses::isAlive);
    }

    private static long count(PgEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(PgEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
