package io.walbridge.app.cli;

import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SetupCommandTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PgServer pg = PgServer.shared("source");
    private final String db = pg.freshDatabase();
    private final List<String> slots = new ArrayList<>();

    private String slot() {
        String name = "wb_cli_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        slots.add(name);
        return name;
    }

    @AfterEach
    void dropSlots() {
        for (String s : slots) {
            pg.exec("postgres", "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + s + "'");
        }
    }

    private void twoTables() {
        pg.exec(db, "CREATE SCHEMA sales", "CREATE TABLE public.a (id int PRIMARY KEY)",
                "CREATE TABLE sales.c (id int PRIMARY KEY)", "CREATE TABLE sales.d (id int PRIMARY KEY)");
    }

    private CliRun setup(String... more) {
        List<String> args = new ArrayList<>(List.of("setup", "--source", pg.url(db)));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void createsWhatIsMissingThenKeepsItOnTheSecondRun() {
        twoTables();
        String slot = slot();

        CliRun first = setup("--publication", "p", "--slot", slot, "--tables", "public.a,sales.*");
        CliRun second = setup("--publication", "p", "--slot", slot, "--tables", "public.a,sales.*");

        assertThat(first.exitCode()).isEqualTo(0);
        assertThat(first.outLines()).hasSize(2);
        assertThat(first.outLines().get(0)).isEqualTo("created publication \"p\" for 3 tables (every table of schema"
                + " \"sales\", also those created later)");
        assertThat(first.outLines().get(1)).matches("created slot \"" + slot + "\" \\(pgoutput\\) at LSN [0-9A-F]+/[0-9A-F]+");
        assertThat(first.errLines()).as("only the warning that sslmode=disable authenticates nothing")
                .singleElement().asString().startsWith("warning: the source connection (sslmode=disable) is not encrypted");
        assertThat(second.exitCode()).isEqualTo(0);
        assertThat(second.outLines()).containsExactly("publication \"p\" already publishes the 3 chosen tables, kept",
                "slot \"" + slot + "\" exists (pgoutput), kept", "nothing to change");
    }

    @Test
    void dryRunPrintsTheScriptAndChangesNothing() {
        twoTables();
        String slot = slot();

        CliRun run = setup("--publication", "p", "--slot", slot, "--tables", "public.a", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("-- WalBridge replication setup for database \"" + db + "\"")
                .contains("CREATE PUBLICATION \"p\" FOR TABLE \"public\".\"a\";\n")
                .contains("SELECT lsn FROM pg_create_logical_replication_slot('" + slot + "', 'pgoutput');\n");
        assertThat(pg.scalar(db, "SELECT count(*) FROM pg_publication")).isEqualTo("0");
        assertThat(pg.scalar(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("0");
    }

    @Test
    void aSlotWithAnotherPluginIsRefusedWithReasonAndFix() {
        twoTables();
        String slot = slot();
        pg.exec(db, "SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");

        CliRun run = setup("--publication", "p", "--slot", slot);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).filteredOn(l -> !l.startsWith("warning: ")).containsExactly(
                "error: slot \"" + slot + "\" uses plugin test_decoding; WalBridge needs pgoutput",
                "fix: drop it with SELECT pg_drop_replication_slot('" + slot + "'); or choose another --slot name");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run);
    }

    @Test
    void anUnknownTableIsAFailureNamingIt() {
        twoTables();

        CliRun run = setup("--publication", "p", "--slot", slot(), "--tables", "public.nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).contains("error: table public.nope does not exist (or is not a table)");
        assertNoStackTrace(run);
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        CliRun missing = CliRun.of("setup", "--source", pg.url(db), "--publication", "p");
        CliRun badSlot = CliRun.of("setup", "--source", pg.url(db), "--publication", "p", "--slot", "My-Slot");
        CliRun badTables = CliRun.of("setup", "--source", pg.url(db), "--publication", "p", "--slot", "s",
                "--tables", "a.b.c");
        CliRun badUrl = CliRun.of("setup", "--source", "mysql://u:hunter2@h/db", "--publication", "p", "--slot", "s");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--slot=NAME'");
        assertThat(badSlot.exitCode()).isEqualTo(2);
        assertThat(badSlot.errLines()).first().asString().contains("'My-Slot' is not a valid replication slot name");
        assertThat(badSlot.errLines()).contains("fix: choose a name like my_slot");
        assertThat(badTables.exitCode()).isEqualTo(2);
        assertThat(badTables.errLines()).first().asString().contains("cannot read 'a.b.c' as a table name");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("must start with postgresql://").doesNotContain("hunter2");
        for (CliRun run : List.of(missing, badSlot, badTables, badUrl)) {
            assertNoStackTrace(run);
        }
    }

    @Test
    void theNewLoginsPasswordIsShownOnceAndNeverInFailures() {
        twoTables();
        String role = "cli_reader_" + COUNTER.incrementAndGet();
        String slot = slot();
        try {
            CliRun run = setup("--publication", "p", "--slot", slot, "--tables", "public.a", "--create-user", role);

            assertThat(run.exitCode()).isEqualTo(0);
            List<String> passwordLines = run.outLines().stream().filter(l -> l.startsWith("password of login")).toList();
            assertThat(passwordLines).singleElement().asString()
                    .matches("password of login \"" + role + "\", shown only this once \\(store it now\\): \\w{24}");
            String password = passwordLines.get(0).substring(passwordLines.get(0).length() - 24);
            assertThat(run.out().split(password, -1)).hasSize(2);
        } finally {
            pg.exec(db, "DROP OWNED BY " + role);
            pg.exec("postgres", "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void connectionFailuresSayWhereAndHideTheUrlPassword() {
        CliRun run = CliRun.of("setup", "--source", "postgresql://walbridge:hunter2secret@localhost:1/db?sslmode=disable",
                "--publication", "p", "--slot", "s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).anyMatch(l -> l.startsWith("error: connection refused at ") && l.contains(" port 1:"));
        assertThat(run.out() + run.err()).doesNotContain("hunter2secret");
        assertNoStackTrace(run);
    }
}
