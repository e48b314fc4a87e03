package io.walbridge.core.setup;

import io.walbridge.core.setup.PlanStatement.CreateSlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static io.walbridge.core.setup.SetupFixture.notes;
import static io.walbridge.core.setup.SetupFixture.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

class ReplicationPlanTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void dropSlotsAndRoles() {
        f.close();
    }

    private void threeTables() {
        f.exec("CREATE SCHEMA sales",
                "CREATE TABLE public.a (id int PRIMARY KEY)",
                "CREATE TABLE public.b (id int PRIMARY KEY)",
                "CREATE TABLE sales.c (id int PRIMARY KEY)");
    }

    private List<List<String>> publishedTables(String publication) {
        return f.rows("SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = '" + publication
                + "' ORDER BY 1, 2");
    }

    @Test
    void createsPublicationAndSlotFromNothing() {
        threeTables();
        String slot = f.slot("create");

        List<StepResult> results = f.run(SetupRequest.of("p", slot, "public.a, sales.c"));

        assertThat(outcomes(results)).hasSize(2);
        assertThat(outcomes(results).get(0)).isEqualTo("created publication \"p\" for 2 tables");
        assertThat(outcomes(results).get(1)).startsWith("created slot \"" + slot + "\" (pgoutput) at LSN ");
        assertThat(publishedTables("p")).containsExactly(List.of("public", "a"), List.of("sales", "c"));
        assertThat(f.rows("SELECT plugin, slot_type, database FROM pg_replication_slots WHERE slot_name = '" + slot
                + "'")).containsExactly(List.of("pgoutput", "logical", f.db));
    }

    @Test
    void runningTwiceChangesNothingAndSaysSo() {
        threeTables();
        String slot = f.slot("twice");
        SetupRequest request = SetupRequest.of("p", slot, "public.a,sales.c");
        f.run(request);

        ReplicationPlan again = f.plan(request);

        assertThat(again.isEmpty()).isTrue();
        assertThat(notes(again)).containsExactly("publication \"p\" already publishes the 2 chosen tables, kept",
                "slot \"" + slot + "\" exists (pgoutput), kept");
        assertThat(again.sqlScript()).contains("Nothing to change");
        assertThat(f.run(request)).isEmpty();
    }

    @Test
    void aSlotOlderThanThePublicationIsKeptWithAWarning() {
        threeTables();
        String slot = f.slot("older");
        f.exec("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");

        ReplicationPlan plan = f.plan(SetupRequest.of("p", slot, "public.a"));

        assertThat(plan.statements()).singleElement().extracting(PlanStatement::sql)
                .isEqualTo("CREATE PUBLICATION \"p\" FOR TABLE \"public\".\"a\"");
        assertThat(notes(plan)).containsExactly("slot \"" + slot + "\" exists (pgoutput), kept",
                "slot \"" + slot + "\" is older than the publication setup creates now; if streaming fails with"
                        + " 'publication does not exist', drop the slot and run setup again");
    }

    @Test
    void allTablesWhenNoTablesAreNamed() {
        threeTables();
        String slot = f.slot("all");

        List<StepResult> results = f.run(SetupRequest.of("p_all", slot, ""));

        assertThat(results.get(0).statement().sql()).isEqualTo("CREATE PUBLICATION \"p_all\" FOR ALL TABLES");
        assertThat(outcomes(results).get(0)).isEqualTo("created publication \"p_all\" for all tables");
        assertThat(f.scalar("SELECT puballtables FROM pg_publication WHERE pubname = 'p_all'")).isEqualTo("t");
        assertThat(notes(f.plan(SetupRequest.of("p_all", slot, ""))))
                .contains("publication \"p_all\" exists and publishes all tables, kept");
    }

    @Test
    void updatesAnExistingPublicationToTheChosenTables() {
        threeTables();
        f.exec("CREATE PUBLICATION p FOR TABLE public.a, public.b WITH (publish = 'insert')");
        String slot = f.slot("update");

        List<StepResult> results = f.run(SetupRequest.of("p", slot, "public.b, sales.c"));

        assertThat(results.get(0).statement().sql()).isEqualTo(
                "ALTER PUBLICATION \"p\" SET TABLE \"public\".\"b\", \"sales\".\"c\"");
        assertThat(outcomes(results)).contains("updated publication \"p\" to publish the 2 chosen tables (added"
                        + " sales.c; removed public.a)",
                "publication \"p\" now publishes insert, update, delete, truncate");
        assertThat(publishedTables("p")).containsExactly(List.of("public", "b"), List.of("sales", "c"));
        assertThat(f.rows("SELECT pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication"))
                .containsExactly(List.of("t", "t", "t", "t"));
    }

    @Test
    void schemaWildcardUsesTablesInSchemaOnPostgres15AndLater() {
        threeTables();
        String slot = f.slot("schema");

        ReplicationPlan plan = f.plan(SetupRequest.of("p", slot, "public.a, sales.*"));
        f.run(SetupRequest.of("p", slot, "public.a, sales.*"));
        f.exec("CREATE TABLE sales.later (id int PRIMARY KEY)");

        assertThat(plan.statements().get(0).sql()).isEqualTo(
                "CREATE PUBLICATION \"p\" FOR TABLE \"public\".\"a\", TABLES IN SCHEMA \"sales\"");
        assertThat(f.scalar("SELECT n.nspname FROM pg_publication_namespace pn JOIN pg_namespace n"
                + " ON n.oid = pn.pnnspid")).isEqualTo("sales");
        assertThat(publishedTables("p")).containsExactly(List.of("public", "a"), List.of("sales", "c"),
                List.of("sales", "later"));
        assertThat(f.plan(SetupRequest.of("p", slot, "sales.*, public.a")).isEmpty()).isTrue();
    }

    @Test
    void hostileIdentifiersAreOnlyNames() {
        String schema = "My Schema ☕ \"q\"";
        String table = "x\"; drop table y; --";
        String publication = "pub'); DROP TABLE y; -- \"";
        f.exec("CREATE TABLE y (id int PRIMARY KEY)",
                "CREATE SCHEMA \"My Schema ☕ \"\"q\"\"\"",
                "CREATE TABLE \"My Schema ☕ \"\"q\"\"\".\"x\"\"; drop table y; --\" (id int PRIMARY KEY)");
        String slot = f.slot("hostile");
        String tables = "\"My Schema ☕ \"\"q\"\"\".\"x\"\"; drop table y; --\"";
        String role = f.role("r\"; DROP ROLE postgres; --");

        List<StepResult> results = f.run(SetupRequest.of(publication, slot, tables).withDedicatedUser(role));

        assertThat(outcomes(results)).first().isEqualTo("created publication \"pub'); DROP TABLE y; -- \"\"\" for 1 table");
        assertThat(f.rows("SELECT pubname, schemaname, tablename FROM pg_publication_tables"))
                .containsExactly(List.of(publication, schema, table));
        assertThat(f.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'y'")).isEqualTo("1");
        assertThat(f.scalar("SELECT rolname FROM pg_roles WHERE rolname LIKE 'r\"; DROP ROLE%'")).isEqualTo(role);
        assertThat(f.plan(SetupRequest.of(publication, slot, tables).withDedicatedUser(role)).isEmpty()).isTrue();
    }

    @Test
    void sqlScriptHoldsEveryStatementAndRunsElsewhere() throws Exception {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)", "CREATE TABLE public.nokey (v text)");
        String slot = f.slot("script");
        String role = f.role("script_reader");
        ReplicationPlan plan = f.plan(SetupRequest.of("p", slot, "public.a, public.nokey").withDedicatedUser(role)
                .withReplicaIdentityFull());

        String script = plan.sqlScript();

        assertThat(plan.statements()).hasSize(6).last().isInstanceOf(CreateSlot.class);
        for (PlanStatement s : plan.statements()) {
            assertThat(script).contains(s.sql() + ";\n").contains("-- " + s.purpose() + "\n");
        }
        assertThat(script.indexOf("COMMIT;")).isLessThan(script.indexOf("pg_create_logical_replication_slot"));
        assertThat(script).doesNotContain(plan.login().orElseThrow().password().value());
        // the script as a DBA would run it: one simple-protocol string, as psql sends statements
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + f.pg.port() + "/" + f.db
                + "?preferQueryMode=simple", "postgres", ""); Statement st = c.createStatement()) {
            st.execute(script);
        }
        assertThat(publishedTables("p")).containsExactly(List.of("public", "a"), List.of("public", "nokey"));
        assertThat(f.scalar("SELECT plugin FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("pgoutput");
        assertThat(f.scalar("SELECT relreplident FROM pg_class WHERE relname = 'nokey'")).isEqualTo("f");
        assertThat(f.plan(SetupRequest.of("p", slot, "public.a, public.nokey").withDedicatedUser(role)
                .withReplicaIdentityFull()).isEmpty()).isTrue();
    }

    @Test
    void aLineBreakInANameCannotEscapeAScriptComment() throws Exception {
        String table = "t\nDROP TABLE y; --";
        f.exec("CREATE TABLE y (id int PRIMARY KEY)", "CREATE TABLE \"" + table + "\" (id int PRIMARY KEY)");
        String slot = f.slot("newline");
        ReplicationPlan plan = f.plan(SetupRequest.of("p", slot, "\"" + table + "\""));

        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + f.pg.port() + "/" + f.db
                + "?preferQueryMode=simple", "postgres", ""); Statement st = c.createStatement()) {
            st.execute(plan.sqlScript());
        }

        assertThat(f.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'y'")).isEqualTo("1");
        assertThat(publishedTables("p")).containsExactly(List.of("public", table));
    }
}
