package io.walbridge.core.setup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NothingHalfMadeTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void dropSlotsAndRoles() {
        f.close();
    }

    /** Plans, then lets {@code meanwhile} change the server, then runs the stale plan. */
    private SetupFailed runAfter(SetupRequest request, String meanwhile, List<StepResult> results) throws Exception {
        try (Connection c = f.connect()) {
            ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
            f.exec(meanwhile);
            return catchThrowableOfType(() -> new ReplicationPlanExecutor(results::add).execute(c, plan),
                    SetupFailed.class);
        }
    }

    @Test
    void aFailedSlotStepUndoesThePublicationLoginAndReplicaIdentity() throws Exception {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)", "CREATE TABLE public.nokey (v text)");
        String slot = f.slot("raced");
        String role = f.role("undone");
        List<StepResult> results = new ArrayList<>();

        SetupFailed failed = runAfter(SetupRequest.of("p", slot, "public.a, public.nokey").withDedicatedUser(role)
                        .withReplicaIdentityFull(),
                "SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')", results);

        assertThat(failed.problem()).startsWith("could not create the logical replication slot \"" + slot + "\" with"
                        + " the pgoutput plugin: replication slot \"" + slot + "\" already exists")
                .contains("; undid what this run had done (created publication \"p\" for 2 tables, ");
        assertThat(failed.fix()).isEqualTo("run setup again: it keeps what already exists and checks it");
        assertThat(f.scalar("SELECT count(*) FROM pg_publication")).isEqualTo("0");
        assertThat(f.scalar("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")).isEqualTo("0");
        assertThat(f.scalar("SELECT relreplident FROM pg_class WHERE relname = 'nokey'")).isEqualTo("d");
        assertThat(results).filteredOn(StepResult.Failed.class::isInstance).singleElement()
                .extracting(StepResult::statement).isInstanceOf(PlanStatement.CreateSlot.class);
        assertThat(results).filteredOn(StepResult.Undone.class::isInstance).hasSize(5);
    }

    @Test
    void aFailureInsideTheTransactionRollsEverythingBack() throws Exception {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)");
        String slot = f.slot("rolledback");
        String role = f.role("taken");
        List<StepResult> results = new ArrayList<>();

        SetupFailed failed = runAfter(SetupRequest.of("p", slot, "public.a").withDedicatedUser(role),
                "CREATE ROLE " + role, results);

        assertThat(failed.problem()).isEqualTo("could not create login \"" + role + "\" with LOGIN REPLICATION"
                + " (password generated, shown once): role \"" + role + "\" already exists (made by someone else"
                + " while setup ran); nothing was changed (the transaction was rolled back)");
        assertThat(f.scalar("SELECT count(*) FROM pg_publication")).isEqualTo("0");
        assertThat(f.scalar("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                .isEqualTo("0");
        assertThat(results).singleElement().isInstanceOf(StepResult.Failed.class);
    }

    @Test
    void anExistingPublicationIsRestoredWhenTheSlotFails() throws Exception {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)", "CREATE TABLE public.b (id int PRIMARY KEY)",
                "CREATE PUBLICATION p FOR TABLE public.a WITH (publish = 'insert')");
        String slot = f.slot("restore");

        runAfter(SetupRequest.of("p", slot, "public.b"),
                "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')", new ArrayList<>());

        assertThat(f.rows("SELECT tablename FROM pg_publication_tables WHERE pubname = 'p'"))
                .containsExactly(List.of("a"));
        assertThat(f.scalar("SELECT pubupdate FROM pg_publication WHERE pubname = 'p'")).isEqualTo("f");
    }
}
