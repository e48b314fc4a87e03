package io.walbridge.core.setup;

import io.walbridge.core.sql.Sql;

import java.util.Objects;

/** One statement of a replication plan, with the plain-English line that says why it is there. */
public sealed interface PlanStatement {

    /** The statement as a DBA would run it (values written as literals); shown in the script. */
    String sql();

    /** One line: what the statement does, e.g. {@code create publication "p" for 3 tables}. */
    String purpose();

    /** What the user can do when the server says they may not run this statement. */
    String whenDenied();

    /**
     * DDL run inside the one setup transaction.
     *
     * @param done the line reported after it ran, e.g. {@code created publication "p" for 3 tables}
     * @param undo the statement that reverses it, run when the slot (created after the commit) fails
     */
    record Ddl(String sql, String purpose, String done, String undo, String whenDenied) implements PlanStatement {
        public Ddl {
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(undo, "undo");
        }
    }

    /** Creates the logical slot with pgoutput; runs last, outside the transaction (see the executor). */
    record CreateSlot(SlotName slot, String whenDenied) implements PlanStatement {

        /** What the executor runs: the name is bound, never written into the text. */
        public static final String BOUND_SQL = "SELECT lsn FROM pg_create_logical_replication_slot(?, 'pgoutput')";

        @Override
        public String sql() {
            return "SELECT lsn FROM pg_create_logical_replication_slot(" + Sql.literal(slot.value()) + ", 'pgoutput')";
        }

        @Override
        public String purpose() {
            return "create the logical replication slot " + Sql.ident(slot.value()) + " with the pgoutput plugin";
        }
    }
}
