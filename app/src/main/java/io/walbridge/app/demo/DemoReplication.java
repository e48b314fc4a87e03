package io.walbridge.app.demo;

import io.walbridge.core.setup.PlanNote;
import io.walbridge.core.setup.ReplicationPlan;
import io.walbridge.core.setup.ReplicationPlanExecutor;
import io.walbridge.core.setup.ReplicationPlanner;
import io.walbridge.core.setup.ServerRefusal;
import io.walbridge.core.setup.SetupRequest;
import io.walbridge.core.setup.StepResult;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The demo's replication setup, done as {@code walbridge setup} does it for any source: the publication over the
 * shop's tables and the pgoutput slot, made when missing and kept when there.
 */
public final class DemoReplication {

    private DemoReplication() {
    }

    /** Makes (or finds) the demo's publication and slot on the source; reports one line per thing done or kept. */
    public static void setUp(PgEndpoint source, Consumer<String> report) {
        SetupRequest request = SetupRequest.of(DemoSession.PUBLICATION, DemoSession.SLOT, ShopData.SCHEMA + ".*");
        try (Connection c = source.connect()) {
            ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
            new ReplicationPlanExecutor(result -> {
                if (result instanceof StepResult.Done done) {
                    report.accept(done.outcome());
                }
            }).execute(c, plan);
            plan.notes().stream().filter(PlanNote.Kept.class::isInstance).forEach(n -> report.accept(n.text()));
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "set up replication on the demo source", "").asException(e);
        }
    }
}
