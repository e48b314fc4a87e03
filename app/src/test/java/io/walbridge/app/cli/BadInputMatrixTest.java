package io.walbridge.app.cli;

import io.walbridge.core.setup.TestPki;
import io.walbridge.core.testing.FaultyProxy;
import io.walbridge.core.testing.MisconfiguredServer;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.TlsServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a user can get the input wrong, against each command that takes it: a clear {@code error:} (or
 * {@code FAIL}) line naming the cause, a fix, the documented exit code, no stack trace, and nothing left behind
 * on the server — no slot, no publication, no login. One row per bad input; servers are built once per JVM
 * ({@link MisconfiguredServer}, {@link TlsServers}) and shared with the other tests that need them.
 */
class BadInputMatrixTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final TestPki PKI = TestPki.get();
    private static final PgServer SOURCE = PgServer.shared("source");
    private static final PgServer TARGET = PgServer.shared("target");
    private static final FaultyProxy SILENT = FaultyProxy.to(SOURCE.port());
    private static final List<BadInput> ROWS = rows();

    @AfterAll
    static void closeProxy() {
        SILENT.close();
    }

    /** One bad input: the URLs and options that carry it, and what each command must say about it. */
    static final class BadInput {
        final String name;
        final int n = COUNTER.incrementAndGet();
        final String slot = "bad_slot_" + ProcessHandle.current().pid() + "_" + n;
        final String publication = "bad_pub_" + n;
        final String role = "bad_user_" + n;
        String source;
        String target;
        List<String> options = List.of();
        /** Whether setup also asks for a dedicated login (so that no login may appear either). */
        boolean createLogin = true;
        /** Where nothing may be created; null when the input never reaches a server. */
        PgServer server;
        String db;
        final Map<String, Expected> expected = new LinkedHashMap<>();

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

    record Expected(int exitCode, List<String> words) {
    }

    private static String url(String userInfo, String hostPort, String query) {
        return "postgresql://" + userInfo + "@" + hostPort + "/postgres" + query;
    }

    private static List<BadInput> rows() {
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
                "the server accepted the connection but did not complete the login within 2 s", "proxy"));
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
        rows.add(otherPlugin.on(SOURCE, "postgres", "?sslmode=disable", "CREATE PUBLICATION bad_pub FOR ALL TABLES",
                        "SELECT pg_create_logical_replication_slot('" + otherPlugin.slot + "', 'test_decoding')")
                .expect("setup", 1, "uses plugin test_decoding; WalBridge needs pgoutput", "pg_drop_replication_slot")
                .expect("run", 1, "uses plugin test_decoding; WalBridge needs pgoutput", "pg_drop_replication_slot"));
        rows.add(new BadInput("publication exists with other tables").on(SOURCE, "postgres", "?sslmode=disable",
                        "CREATE PUBLICATION bad_pub_all FOR ALL TABLES")
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

    static Stream<BadInput> forCheck() {
        return ROWS.stream().filter(r -> r.expected.containsKey("check"));
    }

    static Stream<BadInput> forSetup() {
        return ROWS.stream().filter(r -> r.expected.containsKey("setup"));
    }

    static Stream<BadInput> forRun() {
        return ROWS.stream().filter(r -> r.expected.containsKey("run"));
    }

    static Stream<BadInput> forVerify() {
        return ROWS.stream().filter(r -> r.expected.containsKey("verify"));
    }

    @ParameterizedTest(name = "check: {0}")
    @MethodSource("forCheck")
    void checkExplainsIt(BadInput in) {
        List<String> args = new ArrayList<>(List.of("check", "--source", in.source));
        for (int i = 0; i + 1 < in.options.size(); i += 2) {
            if (in.options.get(i).equals("--ca") || in.options.get(i).equals("--tables")) {
                args.addAll(in.options.subList(i, i + 2));
            }
        }
        assertExplained(in, "check", CliRun.of(args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "setup: {0}")
    @MethodSource("forSetup")
    void setupExplainsItAndLeavesNothingBehind(BadInput in) {
        List<String> args = new ArrayList<>(List.of("setup", "--source", in.source,
                "--publication", in.name.startsWith("publication exists") ? "bad_pub_all" : in.publication));
        if (in.createLogin) {
            args.addAll(List.of("--create-user", in.role));
        }
        args.addAll(withSlot(in));
        if (!in.options.contains("--tables")) {
            args.addAll(List.of("--tables", "public.t"));
        }
        assertExplained(in, "setup", CliRun.of(args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "run: {0}")
    @MethodSource("forRun")
    void runExplainsItAndLeavesNothingBehind(BadInput in) {
        List<String> args = new ArrayList<>(List.of("run", "--source", in.source, "--target", in.target,
                "--publication", "bad_pub", "--until-caught-up"));
        args.addAll(withSlot(in));
        assertExplained(in, "run", CliRun.of(args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "verify: {0}")
    @MethodSource("forVerify")
    void verifyExplainsIt(BadInput in) {
        assertExplained(in, "verify", CliRun.of("verify", "--source", in.source, "--target", in.target,
                "--tables", "public.t", "--wait", "1s"));
    }

    /** The row's options, with its own unique slot unless the row names one. */
    private static List<String> withSlot(BadInput in) {
        List<String> out = new ArrayList<>(in.options);
        if (!out.contains("--slot")) {
            out.addAll(List.of("--slot", in.slot));
        }
        return out;
    }

    private static void assertExplained(BadInput in, String command, CliRun run) {
        Expected expected = in.expected.get(command);
        String all = run.out() + run.err();
        assertThat(run.exitCode()).as("exit code; output:%n%s", all).isEqualTo(expected.exitCode());
        assertThat(all).as("output").contains(expected.words());
        if (expected.exitCode() != 0 && !command.equals("check")) {
            assertThat(all).as("an error line and a fix line").containsPattern("(?m)^(error|walbridge): .+")
                    .containsPattern("(?m)^fix: .+");
        }
        if (command.equals("check") && expected.exitCode() == 1) {
            assertThat(run.outLines()).as("a fix under the failed stage").anyMatch(l -> l.startsWith("      fix:   "));
        }
        assertThat(all).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(all).as("no password").doesNotContain("hunter2pw").doesNotContain("Wrong-Pass-456");
        if (expected.exitCode() != 0) {
            assertNothingMade(in);
        } else if (command.equals("setup")) {
            in.server.exec(in.db, "SELECT pg_drop_replication_slot('" + in.slot + "')");
            if (in.createLogin) {
                in.server.exec(in.db, "DROP OWNED BY " + in.role, "DROP ROLE " + in.role);
            }
        }
    }

    private static void assertNothingMade(BadInput in) {
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
