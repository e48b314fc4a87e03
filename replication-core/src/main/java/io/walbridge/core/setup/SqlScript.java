package io.walbridge.core.setup;

import io.walbridge.core.setup.PlanNote.Warning;
import io.walbridge.core.setup.PlanStatement.CreateSlot;
import io.walbridge.core.setup.PlanStatement.Ddl;
import io.walbridge.core.sql.Sql;

/** Writes a plan as a .sql file a DBA can read, keep, and run elsewhere: the same statements setup would run. */
final class SqlScript {

    /** How long a statement may wait for a table lock before setup gives up, rather than stall the application. */
    static final String LOCK_TIMEOUT = "10s";

    private SqlScript() {
    }

    static String render(ReplicationPlan plan) {
        StringBuilder sb = new StringBuilder();
        SourceFacts s = plan.server();
        sb.append("-- WalBridge replication setup for database ").append(oneLine(Sql.ident(s.database())))
                .append(" (PostgreSQL ").append(oneLine(s.version())).append(")\n");
        sb.append("-- Review, then run as ").append(oneLine(Sql.ident(s.user())))
                .append(" with: psql -v ON_ERROR_STOP=1 -f this-file.sql\n");
        for (PlanNote note : plan.notes()) {
            sb.append("-- ").append(note instanceof Warning ? "WARNING: " : "").append(oneLine(note.text())).append('\n');
        }
        if (plan.isEmpty()) {
            return sb.append("-- Nothing to change: everything already matches.\n").toString();
        }
        if (!plan.transactional().isEmpty()) {
            sb.append("\n-- One transaction: all of these happen, or none.\nBEGIN;\n");
            sb.append("-- Give up rather than queue behind the application's locks for long.\n");
            sb.append("SET LOCAL lock_timeout = ").append(Sql.literal(LOCK_TIMEOUT)).append(";\n");
            for (Ddl d : plan.transactional()) {
                sb.append("\n-- ").append(oneLine(d.purpose())).append('\n').append(d.sql()).append(";\n");
            }
            sb.append("\nCOMMIT;\n");
        }
        for (CreateSlot slot : plan.slotCreation().stream().toList()) {
            sb.append("\n-- ").append(oneLine(slot.purpose())).append('\n')
                    .append("-- Last, outside the transaction: a slot cannot be created in a transaction that has\n")
                    .append("-- written, and pgoutput must find the publication when it decodes from the slot's start.\n")
                    .append("-- It waits for transactions already running on the server to finish.\n")
                    .append(slot.sql()).append(";\n");
        }
        return sb.toString();
    }

    /** Names may hold line breaks; inside a comment one would end the comment and start live SQL. */
    static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
