package io.walbridge.core.setup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.walbridge.core.setup.SetupFixture.notes;
import static io.walbridge.core.setup.SetupFixture.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

class DedicatedLoginTest {

    private final SetupFixture f = SetupFixture.onSharedSource();

    @AfterEach
    void dropSlotsAndRoles() {
        f.close();
    }

    private String can(String role, String table, String privilege) {
        return f.scalar("SELECT has_table_privilege('" + role + "', '" + table + "', '" + privilege + "')");
    }

    @Test
    void getsReplicationAndSelectOnTheChosenTablesOnly() {
        f.exec("CREATE SCHEMA sales", "CREATE SCHEMA hr",
                "CREATE TABLE sales.orders (id int PRIMARY KEY)",
                "CREATE TABLE sales.secret (id int PRIMARY KEY)",
                "CREATE TABLE hr.salaries (id int PRIMARY KEY)");
        String role = f.role("walbridge_reader");
        SetupRequest request = SetupRequest.of("p", f.slot("login"), "sales.orders").withDedicatedUser(role);

        ReplicationPlan plan = f.plan(request);
        List<StepResult> results = f.run(request);

        assertThat(f.rows("SELECT rolcanlogin, rolreplication, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls"
                + " FROM pg_roles WHERE rolname = '" + role + "'")).containsExactly(List.of("t", "t", "f", "f", "f", "f"));
        assertThat(can(role, "sales.orders", "SELECT")).isEqualTo("t");
        assertThat(can(role, "sales.secret", "SELECT")).isEqualTo("f");
        assertThat(can(role, "hr.salaries", "SELECT")).isEqualTo("f");
        assertThat(can(role, "sales.orders", "INSERT, UPDATE, DELETE, TRUNCATE")).isEqualTo("f");
        assertThat(f.scalar("SELECT has_schema_privilege('" + role + "', 'hr', 'USAGE')")).isEqualTo("f");
        assertThat(f.scalar("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'"))
                .startsWith("SCRAM-SHA-256$4096:");
        assertThat(outcomes(results)).contains("created login \"" + role + "\" with LOGIN REPLICATION",
                "granted USAGE on schema \"sales\" to \"" + role + "\"",
                "granted SELECT on 1 table to \"" + role + "\"");
        String password = plan.login().orElseThrow().password().value();
        assertThat(password).hasSize(24);
        assertThat(plan.toString()).doesNotContain(password);
        assertThat(plan.sqlScript()).doesNotContain(password);
    }

    @Test
    void anExistingLoginGetsOnlyWhatItLacks() {
        f.exec("CREATE TABLE public.a (id int PRIMARY KEY)", "CREATE TABLE public.b (id int PRIMARY KEY)");
        String role = f.role("existing");
        f.exec("CREATE ROLE " + role + " NOLOGIN", "GRANT SELECT ON public.a TO " + role);
        SetupRequest request = SetupRequest.of("p", f.slot("existing"), "public.a, public.b").withDedicatedUser(role);

        ReplicationPlan plan = f.plan(request);
        f.run(request);

        assertThat(plan.login()).isEmpty();
        assertThat(notes(plan)).contains("login \"" + role + "\" exists, kept (its password is unchanged)");
        assertThat(plan.statements()).extracting(PlanStatement::sql).contains(
                "ALTER ROLE \"" + role + "\" WITH LOGIN REPLICATION",
                "GRANT SELECT ON TABLE \"public\".\"b\" TO \"" + role + "\"");
        assertThat(can(role, "public.b", "SELECT")).isEqualTo("t");
        assertThat(f.plan(request).isEmpty()).isTrue();
    }
}
