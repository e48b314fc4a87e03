package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 4 without a screen: the table picker, the SQL preview and the run, against a real embedded PostgreSQL. */
class ReplicationStepViewModelTest {

    private static final PgServer SERVER = PgServer.shared("source");

    @TempDir
    Path config;
    private String db;
    private String slot;
    private WizardViewModel wizard;
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void source() {
        db = SERVER.freshDatabase();
        slot = "wiz_" + db;
        SERVER.exec(db, "CREATE TABLE orders (id int PRIMARY KEY, note text)",
                "INSERT INTO orders SELECT g, 'n' FROM generate_series(1, 500) g", "ANALYZE orders",
                "CREATE TABLE events (at timestamptz, what text)",
                "CREATE TYPE pair AS (a int, b int)",
                "CREATE TABLE odd (id int PRIMARY KEY, p pair, r int4range)");
        PipelineDraft draft = new PipelineDraft();
        draft.source.host.set("localhost");
        draft.source.port.set(String.valueOf(SERVER.port()));
        draft.source.database.set(db);
        draft.source.user.set("postgres");
        draft.source.sslMode.set("disable");
        draft.slot.set(slot);
        draft.publication.set("pub_" + db);
        wizard = new WizardViewModel(draft, TestServices.sameThread(config));
    }

    private TableRow row(String name) {
        return wizard.replication().picker().rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void choose(String... names) {
        wizard.replication().entered();
        for (String n : names) {
            row(n).selected.set(true);
        }
    }

    @Test
    void pickerListsTablesWithRowEstimateKeyStatusAndFlaggedTypes() {
        wizard.replication().entered();

        assertThat(wizard.replication().picker().rows).extracting(TableRow::name).containsExactly("events", "odd", "orders");
        assertThat(row("orders").key()).isEqualTo("primary key");
        assertThat(row("orders").rows()).isEqualTo("~500");
        assertThat(row("orders").size()).endsWith("kB");
        assertThat(row("orders").flags()).isEmpty();
        assertThat(row("events").key()).isEqualTo("no primary key");
        assertThat(row("events").flags()).contains("UPDATE/DELETE fail");
        assertThat(row("odd").flags()).contains("p pair: composite type").contains("r int4range: range type");
    }

    @Test
    void previewShowsTheStatementsAndOffersReplicaIdentityForTablesWithoutKey() {
        choose("orders", "events");
        ReplicationPlanViewModel plan = wizard.replication().plan();

        assertThat(wizard.replication().picker().chosenWithoutKey.get()).isEqualTo(1);
        plan.replicaIdentityFull.set(true);
        plan.preview();

        assertThat(plan.problem.get()).isNull();
        assertThat(plan.sql.get())
                .contains("CREATE PUBLICATION \"pub_" + db + "\" FOR TABLE \"public\".\"events\", \"public\".\"orders\"")
                .contains("ALTER TABLE \"public\".\"events\" REPLICA IDENTITY FULL")
                .contains("pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        assertThat(SERVER.scalar(db, "SELECT count(*) FROM pg_publication")).isEqualTo("0");
        assertThat(wizard.replication().blocker().get()).contains("run the setup SQL first");
    }

    @Test
    void runCreatesPublicationAndSlotAndLogsEachStatement() throws Exception {
        choose("orders");
        ReplicationPlanViewModel plan = wizard.replication().plan();

        plan.run();

        assertThat(plan.problem.get()).isNull();
        assertThat(plan.log).anyMatch(l -> l.startsWith("✔ created publication"))
                .anyMatch(l -> l.startsWith("✔ created slot"));
        assertThat(SERVER.rows(db, "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = 'pub_"
                + db + "'")).containsExactly(List.of("public", "orders"));
        assertThat(SERVER.scalar(db, "SELECT plugin FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("pgoutput");
        assertThat(wizard.replication().blocker().get()).isEmpty();

        Path file = config.resolve("setup.sql");
        plan.saveSql(file);
        assertThat(Files.readString(file)).contains("CREATE PUBLICATION");
    }

    @Test
    void anExistingSlotIsOnlyReusedOrRecreatedAfterTheUserSaidSo() {
        choose("orders");
        ReplicationPlanViewModel plan = wizard.replication().plan();
        plan.run();
        String firstLsn = SERVER.scalar(db, "SELECT restart_lsn FROM pg_replication_slots WHERE slot_name = '" + slot + "'");

        plan.setSlotQuestion(s -> {
            asked.add(s);
            return SlotQuestion.Answer.CANCEL;
        });
        plan.run();
        assertThat(asked).containsExactly(slot);
        assertThat(plan.log).anyMatch(l -> l.startsWith("nothing was run"));

        plan.setSlotQuestion(s -> SlotQuestion.Answer.REUSE);
        plan.run();
        assertThat(plan.log).anyMatch(l -> l.contains("exists (pgoutput), kept"));

        SERVER.exec(db, "INSERT INTO orders VALUES (1000, 'x')");
        plan.setSlotQuestion(s -> SlotQuestion.Answer.RECREATE);
        plan.run();
        assertThat(plan.log).anyMatch(l -> l.startsWith("✔ dropped slot")).anyMatch(l -> l.startsWith("✔ created slot"));
        assertThat(SERVER.scalar(db, "SELECT restart_lsn FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isNotEqualTo(firstLsn);
    }

    @Test
    void aDedicatedLoginGetsAPasswordShownOnceAndBecomesThePipelinesLogin() {
        choose("orders");
        ReplicationPlanViewModel plan = wizard.replication().plan();
        plan.createLogin.set(true);
        plan.loginName.set("repl_" + db);

        plan.run();

        assertThat(plan.problem.get()).isNull();
        assertThat(plan.newPassword.get()).hasSize(24);
        assertThat(wizard.draft().source.user.get()).isEqualTo("repl_" + db);
        assertThat(plan.log).noneMatch(l -> l.contains(plan.newPassword.get()));
        assertThat(plan.sql.get()).doesNotContain(plan.newPassword.get()).contains("SCRAM-SHA-256$");

        wizard.replication().left();
        assertThat(plan.newPassword.get()).isEmpty();
        assertThat(wizard.draft().source.password.get()).hasSize(24);
    }

    @Test
    void namesAreValidatedAsTyped() {
        assertThat(ReplicationPlanViewModel.slotProblem("Bad-Slot")).contains("not a valid replication slot name")
                .contains("bad_slot");
        assertThat(ReplicationPlanViewModel.slotProblem("good_slot")).isNull();
        assertThat(ReplicationPlanViewModel.publicationProblem("")).contains("publication name is empty");
        assertThat(ReplicationPlanViewModel.loginProblem("pg_x")).contains("reserved");

        wizard.draft().slot.set("Bad-Slot");
        wizard.replication().plan().run();
        assertThat(wizard.replication().plan().problem.get().fix()).contains("choose at least one table");
        assertThat(wizard.draft().tables).isEmpty();
        assertThat(wizard.replication().blocker().get()).isEqualTo("choose at least one table");
        wizard.draft().tables.add(new TableId("public", "orders"));
        assertThat(wizard.replication().blocker().get()).contains("not a valid replication slot name");
    }
}
