package io.walbridge.core.setup;

import io.walbridge.core.setup.PlanStatement.CreateSlot;
import io.walbridge.core.setup.PlanStatement.Ddl;
import io.walbridge.core.setup.StepResult.Done;
import io.walbridge.core.setup.StepResult.Failed;
import io.walbridge.core.setup.StepResult.Undone;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a plan statement by statement and stops at the first failure, leaving nothing half-made: the DDL runs in
 * one transaction, and the slot, which must come after it, undoes that transaction's work if it fails.
 */
public final class ReplicationPlanExecutor {

    private final PlanListener listener;

    public ReplicationPlanExecutor(PlanListener listener) {
        this.listener = listener;
    }

    /** Runs the plan on the connection; throws {@link SetupFailed} saying what failed and what was reverted. */
    public void execute(Connection c, ReplicationPlan plan) {
        boolean autoCommit;
        try {
            autoCommit = c.getAutoCommit();
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "start setup", "").asException(e);
        }
        try {
            List<Ddl> committed = runTransaction(c, plan.transactional());
            for (CreateSlot slot : plan.slotCreation().stream().toList()) {
                createSlot(c, slot, committed);
            }
        } finally {
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the failure that broke it has already been reported
            }
        }
    }

    private List<Ddl> runTransaction(Connection c, List<Ddl> ddl) {
        if (ddl.isEmpty()) {
            return List.of();
        }
        Ddl current = null;
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // ALTER TABLE and CREATE PUBLICATION queue behind the application's locks; better to fail than stall it
            st.execute("SET LOCAL lock_timeout = " + Sql.literal(SqlScript.LOCK_TIMEOUT));
            for (Ddl d : ddl) {
                current = d;
                st.execute(d.sql());
            }
            current = null;
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            String doing = current == null ? "commit the setup transaction" : current.purpose();
            ServerRefusal why = ServerRefusal.explain(e, doing, current == null ? "" : current.whenDenied());
            if (current != null) {
                listener.onResult(new Failed(current, why.problem()));
            }
            throw new SetupFailed(why.problem() + "; nothing was changed (the transaction was rolled back)", why.fix(),
                    e);
        }
        // reported after the commit: before it, none of this was real
        ddl.forEach(d -> listener.onResult(new Done(d, d.done())));
        return ddl;
    }

    private void createSlot(Connection c, CreateSlot slot, List<Ddl> committed) {
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(CreateSlot.BOUND_SQL)) {
                ps.setString(1, slot.slot().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    listener.onResult(new Done(slot, "created slot " + Sql.ident(slot.slot().value())
                            + " (pgoutput) at LSN " + rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            ServerRefusal why = ServerRefusal.explain(e, slot.purpose(), slot.whenDenied());
            listener.onResult(new Failed(slot, why.problem()));
            Aftermath after = undo(c, committed);
            throw new SetupFailed(why.problem() + "; " + after.said(), join(after.fix(), why.fix()), e);
        }
    }

    /** What undoing left: a sentence for the problem line, and SQL to run by hand when undoing failed. */
    private record Aftermath(String said, String fix) {
    }

    private Aftermath undo(Connection c, List<Ddl> committed) {
        if (committed.isEmpty()) {
            return new Aftermath("nothing else had been changed", "");
        }
        List<Ddl> reversed = new ArrayList<>(committed);
        Collections.reverse(reversed);
        String what = committed.stream().map(Ddl::done).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (Ddl d : reversed) {
                st.execute(d.undo());
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            String byHand = reversed.stream().map(d -> d.undo() + ";").collect(Collectors.joining(" "));
            return new Aftermath("could not undo what this run did (" + ServerRefusal.serverMessage(e)
                    + "), so it is still there: " + what, "to remove it by hand run: " + byHand);
        }
        reversed.forEach(d -> listener.onResult(new Undone(d)));
        return new Aftermath("undid what this run had done (" + what + ")", "");
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "; then " + second;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // a broken connection rolls back on the server by itself
        }
    }
}
