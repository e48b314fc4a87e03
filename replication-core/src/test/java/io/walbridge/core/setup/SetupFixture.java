package io.walbridge.core.setup;

import io.walbridge.core.sql.Sql;
import io.walbridge.core.testing.PgServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the shared source server, plus the cluster-wide things a test makes there (slots,
 * roles), which {@link #close()} drops so the shared server does not run out of slots.
 */
final class SetupFixture implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final PgServer pg;
    final String db;
    private final List<String> slots = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    SetupFixture(PgServer pg) {
        this.pg = pg;
        this.db = pg.freshDatabase();
    }

    static SetupFixture onSharedSource() {
        return new SetupFixture(PgServer.shared("source"));
    }

    /** A slot name no other test in this JVM uses; dropped at the end if it exists. */
    String slot(String hint) {
        String name = "wb_" + hint + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        slots.add(name);
        return name;
    }

    /** A role name unique in this JVM (roles are cluster-wide); dropped at the end if it exists. */
    String role(String hint) {
        String name = hint + "_" + COUNTER.incrementAndGet();
        roles.add(name);
        return name;
    }

    Connection connect() {
        return pg.connect(db);
    }

    /** Connects as another role (the embedded server trusts local connections, so no password). */
    Connection connectAs(String role) {
        try {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/" + db, role, "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String... sql) {
        pg.exec(db, sql);
    }

    List<List<String>> rows(String sql) {
        return pg.rows(db, sql);
    }

    String scalar(String sql) {
        return pg.scalar(db, sql);
    }

    ReplicationPlan plan(SetupRequest request) {
        return planAs("postgres", request);
    }

    ReplicationPlan planAs(String role, SetupRequest request) {
        try (Connection c = connectAs(role)) {
            return new ReplicationPlanner().plan(c, request);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plans and runs the request; returns every result the executor reported, in order. */
    List<StepResult> run(SetupRequest request) {
        return runAs("postgres", request, new ArrayList<>());
    }

    /** Plans and runs as the role, adding every reported result to {@code results}, which it returns. */
    List<StepResult> runAs(String role, SetupRequest request, List<StepResult> results) {
        try (Connection c = connectAs(role)) {
            ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
            new ReplicationPlanExecutor(results::add).execute(c, plan);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return results;
    }

    static List<String> outcomes(List<StepResult> results) {
        return results.stream().map(r -> r instanceof StepResult.Done d ? d.outcome() : r.toString()).toList();
    }

    static List<String> notes(ReplicationPlan plan) {
        return plan.notes().stream().map(PlanNote::text).toList();
    }

    @Override
    public void close() {
        for (String s : slots) {
            pg.exec("postgres", "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + s + "'");
        }
        for (String r : roles) {
            String quoted = Sql.ident(r);
            if (pg.scalar("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = " + Sql.literal(r)).equals("1")) {
                pg.exec(db, "DROP OWNED BY " + quoted);
                pg.exec("postgres", "DROP ROLE " + quoted);
            }
        }
    }
}
