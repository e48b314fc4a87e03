package io.walbridge.app;

import io.walbridge.core.setup.TestPki;
import io.walbridge.core.testing.FaultyProxy;
import io.walbridge.core.testing.MisconfiguredServer;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.TlsServers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input matrix: every way a user can get the input wrong, with what each surface must say about it.
 * The CLI ({@code cli.BadInputMatrixTest}) and the wizard ({@code wizard.WizardBadInputTest}) run the same rows;
 * the servers they need are built once per JVM ({@link MisconfiguredServer}, {@link TlsServers}).
 */
public final class BadInputs {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final TestPki PKI = TestPki.get();
    public static final PgServer SOURCE = PgServer.shared("source");
    public static final PgServer TARGET = PgServer.shared("target");
    /** Accepts connections and never answers: a login that times out. */
    private static final FaultyProxy SILENT = FaultyProxy.to(SOURCE.port());
    private static List<BadInput> rows;

    private BadInputs() {
    }

    /** Every row, built (with its servers and databases) on first use. */
    public static synchronized List<BadInput> rows() {
        if (rows == null) {
            rows = build();
        }
        return rows;
    }

    /** The rows that say what {@code surface} ("check", "setup", "run", "verify", "wizard") must show. */
    public static Stream<BadInput> forSurface(String surface) {
        return rows().stream().filter(r -> r.expected.containsKey(surface));
    }

    /** One bad input: the URLs and options that carry it, and what each command must say about it. */
    public static final class BadInput {
        public final String name;
        final int n = COUNTER.incrementAndGet();
        public final String slot = "bad_slot_" + ProcessHandle.current().pid() + "_" + n;
        public final String publication = "bad_pub_" + n;
        public final String role = "bad_user_" + n;
        public String source;
        public String target;
        public List<String> options = List.of();
        List<String> setUp = List.of();
        List<String> tearDown = List.of();
        /** The publication setup is asked for; by default one of this row's own that must not appear. */
        public String setupPublication;
        /** Whether setup also asks for a dedicated login (so that no login may appear either). */
        public boolean createLogin = true;
        /** Where nothing may be created; null when the input never reaches a server. */
        public PgServer server;
        public String db;
        public final Map<String, Expected> expected = new LinkedHashMap<>();

        BadInput(String name) {
            this.name = name;
            this.target = TARGET.url("postgres");
        }

        BadInput source(String url) {
            this.source = url;
            return this;
        }

        BadInput target(String url) {
            this.target = url;
            return this;
        }

        /** Runs before each use of the row: what the row needs on its server (made again if a test removed it). */
        public void prepare() {
            if (server != null && !setUp.isEmpty()) {
                server.exec(db, setUp.toArray(String[]::new));
            }
        }

        /** Runs after each use: removes what {@link #prepare()} made, so that no slot holds WAL on a shared server. */
        public void cleanUp() {
            if (server != null && !tearDown.isEmpty()) {
                server.exec(db, tearDown.toArray(String[]::new));
            }
        }

        BadInput around(String setUpSql, String tearDownSql) {
            this.setUp = List.of(setUpSql);
            this.tearDown = List.of(tearDownSql);
            return this;
        }

        BadInput setupPublication(String name) {
            this.setupPublication = name;
            return this;
        }

        /** The publication to ask setup for. */
        public String publicationForSetup() {
            return setupPublication == null ? publication : setupPublication;
        }

        BadInput withoutLogin() {
            this.createLogin = false;
            return this;
        }

        BadInput options(String... more) {
            this.options = List.of(more);
            return this;
        }

        /** A fresh database ({db} in the DDL) on {@code pg}, holding table t, where nothing may appear. */
        BadInput on(PgServer pg, String userInfo, String query, String... ddl) {
            this.server = pg;
            this.db = pg.freshDatabase();
            pg.exec(db, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            pg.exec(db, Stream.of(ddl).map(sql -> sql.replace("{db}", db)).toArray(String[]::new));
            this.source = "postgresql://" + userInfo + "@localhost:" + pg.port() + "/" + db + query;
            return this;
        }

        BadInput expect(String command, int exitCode, String... words) {
            expected.put(command, new Expected(exitCode, List.of(words)));
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public record Expected(int exitCode, List<String> words) {
    }

    private static String url(String userInfo, String hostPort, String query) {
        return "postgresql://" + userInfo + "@" + hostPort + "/postgres" + query;
    }

    private static List<BadInput> build() {
        int tls = TlsServers.serving(PKI.localhostCert).port();
        int expired = TlsServers.serving(PKI.expiredCert).port();
        int otherHost = TlsServers.serving(PKI.otherHostCert).port();
        PgServer misconfigured = MisconfiguredServer.shared();
        SILENT.mode(FaultyProxy.Mode.BLACK_HOLE);
        String alice = MisconfiguredServer.USER + ":" + MisconfiguredServer.PASSWORD;
        String reach = "cannot reach PostgreSQL at ";
        List<BadInput> rows = new ArrayList<>();

        // a connection problem reads the same in every command: the words of the check's failing stage
        rows.add(connection("unreachable host", "tcp", null, url("postgres", "[2001:db8::1]:5432",
                "?sslmode=disable&connect_timeout=2"), "2001:db8:"));
        rows.add(connection("refused port", "tcp", null, url("postgres", "localhost:1", "?sslmode=disable"),
                "connection refused at ", " port 1: nothing listens on that port"));
        rows.add(connection("timeout", "auth", null, url("postgres", "127.0.0.1:" + SILENT.port(),
                "?sslmode=disable&connect_timeout=2"),
                "the server accepted the connection but did not complete the login within", "proxy"));
        rows.add(connection("unknown host", "dns", null, url("postgres", "no-such-host.invalid:5432", "?sslmode=disable"),
                "the host name 'no-such-host.invalid' does not resolve to any address"));
        rows.add(connection("wrong password", "auth", misconfigured, MisconfiguredServer.USER + ":Wrong-Pass-456",
                "the server rejected the password for user 'alice'"));
        rows.add(connection("no pg_hba entry", "auth", misconfigured, alice + "?localSocketAddress="
                + MisconfiguredServer.UNLISTED_ADDRESS, "the server's pg_hba.conf has no line that allows connections"
                + " from 127.0.0.3", "hostssl"));
        rows.add(connection("TLS required but off", "tls", SOURCE, "postgres?sslmode=require",
                "the server does not accept TLS connections, and sslmode=require requires TLS", "ssl = on"));
        rows.add(connection("wrong CA", "tls", null, url("postgres", "localhost:" + tls,
                "?sslmode=verify-full&sslrootcert=" + PKI.otherCaPem), "not in other-ca.pem"));
        rows.add(connection("expired certificate", "tls", null, url("postgres", "localhost:" + expired,
                "?sslrootcert=" + PKI.caPem), "the server's certificate expired on", "renew"));
        rows.add(connection("host-name mismatch", "tls", null, url("postgres", "localhost:" + otherHost,
                "?sslrootcert=" + PKI.caPem), "DNS:db.example.com", "'localhost'"));
        rows.add(connection("unreadable CA file", "tls", null, url("postgres", "localhost:" + tls,
                "?sslrootcert=/nonexistent/ca.pem"), "the CA file /nonexistent/ca.pem does not exist"));
        rows.add(new BadInput("unreadable CA file given with --ca").source(url("postgres", "localhost:" + tls, ""))
                .options("--ca", "/nonexistent/ca.pem")
                .expect("check", 2, "the CA file /nonexistent/ca.pem does not exist", "fix:"));
        rows.add(new BadInput("wal_level not logical").on(misconfigured, "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub FOR ALL TABLES")
                .expect("check", 1, "FAIL  wal_level", "ALTER SYSTEM SET wal_level = logical")
                .expect("setup", 1, "wal_level is 'replica'; logical replication needs 'logical'", "ALTER SYSTEM")
                .expect("run", 1, "wal_level", "logical"));
        String noRepl = "norepl_" + COUNTER.incrementAndGet();
        rows.add(new BadInput("missing REPLICATION privilege").on(SOURCE, noRepl, "?sslmode=disable",
                        "CREATE ROLE " + noRepl + " LOGIN", "ALTER TABLE t OWNER TO " + noRepl,
                        "GRANT CREATE ON DATABASE {db} TO " + noRepl,
                        "CREATE PUBLICATION bad_pub FOR TABLE t").withoutLogin()
                .expect("check", 1, "FAIL  privileges", "may not replicate", "WITH REPLICATION")
                .expect("setup", 1, "may not create replication slots", "WITH REPLICATION")
                .expect("run", 1, "permission denied", "WITH REPLICATION"));
        rows.add(new BadInput("no free slots").on(oneSlotServer(), "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub FOR ALL TABLES")
                .expect("check", 1, "FAIL  slots", "no replication slot is free")
                .expect("setup", 1, "max_replication_slots")
                .expect("run", 1, "replication slots", "max_replication_slots"));
        BadInput otherPlugin = new BadInput("slot exists with another plugin");
        rows.add(otherPlugin.on(SOURCE, "postgres", "?sslmode=disable", "CREATE PUBLICATION bad_pub FOR ALL TABLES")
                .around("SELECT pg_create_logical_replication_slot('" + otherPlugin.slot + "', 'test_decoding')"
                                + " WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = '" + otherPlugin.slot + "')",
                        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                                + otherPlugin.slot + "'")
                .expect("setup", 1, "uses plugin test_decoding; WalBridge needs pgoutput", "pg_drop_replication_slot")
                .expect("run", 1, "uses plugin test_decoding; WalBridge needs pgoutput", "pg_drop_replication_slot"));
        rows.add(new BadInput("publication exists with other tables").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub_all FOR ALL TABLES").setupPublication("bad_pub_all")
                .expect("setup", 1, "publishes all tables", "cannot be narrowed"));
        rows.add(new BadInput("table without key or replica identity").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE TABLE nokey (v text)").options("--tables", "public.nokey")
                .expect("check", 0, "WARN  replica_identity", "REPLICA IDENTITY FULL")
                .expect("setup", 0, "warning:", "nokey", "--replica-identity-full"));
        rows.add(new BadInput("unsupported column type").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE TYPE pair AS (a int, b int)", "CREATE TABLE odd (id int PRIMARY KEY, p pair)",
                        "CREATE PUBLICATION bad_pub FOR TABLE odd")
                .expect("run", 1, "the destination has no type", "pair"));
        rows.add(new BadInput("slot name with SQL in it").on(SOURCE, "postgres", "?sslmode=disable")
                .options("--slot", "x'); DROP TABLE t; --")
                .expect("setup", 2, "is not a valid replication slot name", "choose a name like")
                .expect("run", 1, "is not a valid replication slot name", "choose a name like"));
        rows.add(new BadInput("source URL malformed").source("mysql://u:hunter2pw@h/db")
                .expect("check", 2, "must start with postgresql://").expect("setup", 2, "must start with postgresql://")
                .expect("run", 1, "must start with postgresql://").expect("verify", 1, "must start with postgresql://"));
        rows.add(new BadInput("destination URL malformed").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub FOR ALL TABLES").target("postgresql://u:hunter2pw@/db")
                .expect("run", 1, "has no host name", "fix:").expect("verify", 1, "has no host name", "fix:"));
        rows.add(new BadInput("destination refuses the password").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub FOR ALL TABLES")
                .target("postgresql://alice:Wrong-Pass-456@localhost:" + misconfigured.port() + "/postgres?sslmode=disable")
                .expect("run", 1, "error: destination: the server rejected the password for user 'alice'")
                .expect("verify", 1, "error: destination: the server rejected the password for user 'alice'"));
        return rows;
    }

    /**
     * A problem with reaching or logging in to the source: {@code check} fails the stage, the other commands say
     * the same words (run and verify name the side); with a server, {@code source} is the user, password and
     * query for a fresh database there, else the whole URL.
     */
    private static BadInput connection(String name, String stage, PgServer server, String source, String... words) {
        BadInput in = new BadInput(name);
        if (server == null) {
            in.source(source);
        } else {
            int q = source.indexOf('?');
            String userInfo = q < 0 ? source : source.substring(0, q);
            String query = q < 0 ? "" : source.substring(q);
            in.on(server, userInfo, query.isEmpty() ? "?sslmode=disable"
                    : query.contains("sslmode") ? query : query + "&sslmode=disable");
        }
        String[] checkWords = java.util.stream.Stream.concat(Stream.of("FAIL  " + stage), Stream.of(words))
                .toArray(String[]::new);
        String[] sideWords = Stream.concat(Stream.of("error: source: "), Stream.of(words)).toArray(String[]::new);
        return in.expect("check", 1, checkWords).expect("setup", 1, words).expect("run", 1, sideWords)
                .expect("verify", 1, sideWords);
    }

    /** A server whose only replication slot is taken. */
    private static PgServer oneSlotServer() {
        PgServer s = PgServer.shared("one slot", b -> b.setServerConfig("max_replication_slots", "1"));
        if ("0".equals(s.scalar("postgres", "SELECT count(*) FROM pg_replication_slots"))) {
            s.exec("postgres", "SELECT pg_create_physical_replication_slot('the_only_one')");
        }
        return s;
    }

    /** No slot, publication or replication login of the row's names exists on its server. */
    public static void assertNothingMade(BadInput in) {
        if (in.server == null) {
            return;
        }
        assertThat(in.server.scalar(in.db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + in.slot
                + "' AND plugin = 'pgoutput'")).as("slot").isEqualTo("0");
        assertThat(in.server.scalar(in.db, "SELECT count(*) FROM pg_publication WHERE pubname = '" + in.publication
                + "'")).as("publication").isEqualTo("0");
        assertThat(in.server.scalar(in.db, "SELECT count(*) FROM pg_roles WHERE rolname = '" + in.role + "' AND"
                + " rolcanlogin AND rolreplication")).as("login").isEqualTo("0");
    }
}
