package io.walbridge.core.setup;

import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReplicationRefusalTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void dropSlotsAndRoles() {
        f.close();
    }

    private String publicationCount() {
        return f.scalar("SELECT count(*) FROM pg_publication");
    }

    /** A login that owns the database's tables but is not a superuser. */
    private String tableOwner(String attributes) {
        String role = f.role("owner");
        f.exec("CREATE ROLE " + role + " LOGIN " + attributes,
                "CREATE TABLE public.a (id int PRIMARY KEY)", "ALTER TABLE public.a OWNER TO " + role);
        return role;
    }

    @Test
    void refusesASlotThatUsesAnotherPlugin() {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)");
        String slot = f.slot("decoding");
        f.exec("SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");

        SetupRefused refused = catchThrowableOfType(() -> f.run(SetupRequest.of("p", slot, "public.a")),
                SetupRefused.class);

        assertThat(refused.problem()).isEqualTo("slot \"" + slot + "\" uses plugin test_decoding; WalBridge needs"
                + " pgoutput");
        assertThat(refused.fix()).isEqualTo("drop it with SELECT pg_drop_replication_slot('" + slot + "'); or choose"
                + " another --slot name");
        assertThat(publicationCount()).isEqualTo("0");
    }

    @Test
    void refusesASlotOfAnotherDatabase() {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)");
        String other = f.pg.freshDatabase();
        String slot = f.slot("otherdb");
        f.pg.exec(other, "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");

        assertThatThrownBy(() -> f.run(SetupRequest.of("p", slot, "public.a")))
                .isInstanceOf(SetupRefused.class)
                .hasMessage("slot \"" + slot + "\" belongs to database \"" + other + "\"; a logical slot reads only the"
                        + " database it was made in");
    }

    @Test
    void refusesWhenWalLevelIsNotLogicalBeforeChangingAnything() {
        try (PgServer replica = PgServer.start(b -> b.setServerConfig("wal_level", "replica")
                .setServerConfig("shared_buffers", "16MB"))) {
            SetupFixture g = new SetupFixture(replica);
            g.exec("CREATE TABLE public.a (id int PRIMARY KEY)");

            SetupRefused refused = catchThrowableOfType(() -> g.run(SetupRequest.of("p", "s", "public.a")),
                    SetupRefused.class);

            assertThat(refused.problem()).isEqualTo("wal_level is 'replica'; logical replication needs 'logical'");
            assertThat(refused.fix()).startsWith("ALTER SYSTEM SET wal_level = logical; then restart the server");
            assertThat(g.scalar("SELECT count(*) FROM pg_publication")).isEqualTo("0");
        }
    }

    @Test
    void refusesAUserWithoutReplication() {
        String role = tableOwner("");
        f.exec("GRANT CREATE ON DATABASE " + f.db + " TO " + role);

        SetupRefused refused = catchThrowableOfType(() -> f.runAs(role, SetupRequest.of("p", f.slot("norepl"),
                "public.a"), new ArrayList<>()), SetupRefused.class);

        assertThat(refused.problem()).isEqualTo("user " + role + " may not create replication slots (that needs the"
                + " REPLICATION attribute)");
        assertThat(refused.fix()).endsWith("ALTER ROLE \"" + role + "\" WITH REPLICATION;");
        assertThat(publicationCount()).isEqualTo("0");
    }

    @Test
    void refusesAUserWhoMayNotCreatePublications() {
        String role = tableOwner("REPLICATION");

        assertThatThrownBy(() -> f.planAs(role, SetupRequest.of("p", f.slot("nocreate"), "public.a")))
                .isInstanceOf(SetupRefused.class)
                .hasMessage("user " + role + " may not create publications in database " + f.db + " (that needs the"
                        + " CREATE privilege on the database)")
                .extracting(e -> ((SetupRefused) e).fix())
                .isEqualTo("as the database owner run: GRANT CREATE ON DATABASE \"" + f.db + "\" TO \"" + role + "\";");
    }

    @Test
    void refusesToPublishTablesTheUserDoesNotOwn() {
        String role = f.role("stranger");
        f.exec("CREATE ROLE " + role + " LOGIN REPLICATION", "GRANT CREATE ON DATABASE " + f.db + " TO " + role,
                "CREATE TABLE public.theirs (id int PRIMARY KEY)");

        assertThatThrownBy(() -> f.planAs(role, SetupRequest.of("p", f.slot("owner"), "public.theirs")))
                .isInstanceOf(SetupRefused.class)
                .hasMessage("user " + role + " does not own 1 of the chosen tables (public.theirs); only a table's"
                        + " owner may publish it")
                .extracting(e -> ((SetupRefused) e).fix())
                .isEqualTo("run setup as the tables' owner (\"postgres\"), or leave those tables out of --tables");
    }

    @Test
    void aPermissionErrorFromTheServerIsExplainedAndChangesNothing() {
        String role = tableOwner("REPLICATION");
        f.exec("GRANT CREATE ON DATABASE " + f.db + " TO " + role);
        List<StepResult> results = new ArrayList<>();

        SetupFailed failed = catchThrowableOfType(() -> f.runAs(role, SetupRequest.of("p", f.slot("alltables"), ""),
                results), SetupFailed.class);

        assertThat(failed.problem()).startsWith("permission denied: could not create publication \"p\" for all tables:"
                + " must be superuser").endsWith("; nothing was changed (the transaction was rolled back)");
        assertThat(failed.fix()).startsWith("FOR ALL TABLES and TABLES IN SCHEMA need a superuser");
        assertThat(results).singleElement().isInstanceOf(StepResult.Failed.class);
        assertThat(publicationCount()).isEqualTo("0");
    }

    @Test
    void refusesToNarrowAnAllTablesPublication() {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)", "CREATE PUBLICATION p FOR ALL TABLES");

        assertThatThrownBy(() -> f.plan(SetupRequest.of("p", f.slot("narrow"), "public.a")))
                .isInstanceOf(SetupRefused.class)
                .hasMessage("publication \"p\" publishes all tables; an existing publication cannot be narrowed to the"
                        + " chosen tables");
    }
}
