package io.walbridge.core.setup;

import io.walbridge.core.setup.PlanStatement.CreateSlot;
import io.walbridge.core.setup.SourceState.Slot;
import io.walbridge.core.sql.Sql;

/** Plans the logical slot: keep a pgoutput slot of this database, refuse any other, create a missing one. */
final class SlotSteps {

    private SlotSteps() {
    }

    static void plan(PlanDraft draft, SourceState state, SlotName name) {
        SourceFacts server = state.server();
        String slot = Sql.ident(name.value());
        String dropOrRename = "drop it with SELECT pg_drop_replication_slot(" + Sql.literal(name.value())
                + "); or choose another --slot name";
        if (state.slot().isPresent()) {
            Slot existing = state.slot().get();
            if (existing.plugin() == null) {
                throw new SetupRefused("slot " + slot + " is a physical replication slot; WalBridge needs a logical"
                        + " slot with pgoutput", dropOrRename);
            }
            if (!existing.plugin().equals("pgoutput")) {
                throw new SetupRefused("slot " + slot + " uses plugin " + existing.plugin()
                        + "; WalBridge needs pgoutput", dropOrRename);
            }
            if (!server.database().equals(existing.database())) {
                throw new SetupRefused("slot " + slot + " belongs to database " + Sql.ident(existing.database())
                        + "; a logical slot reads only the database it was made in",
                        "choose another --slot name for database " + Sql.ident(server.database()));
            }
            draft.kept("slot " + slot + " exists (pgoutput), kept");
            if (state.publication().isEmpty()) {
                // pgoutput looks publications up as of each change it decodes; before this run there was none
                draft.warn("slot " + slot + " is older than the publication setup creates now; if streaming fails"
                        + " with 'publication does not exist', drop the slot and run setup again");
            }
            return;
        }
        if (!server.walLevel().equals("logical")) {
            // the slot creation would fail after the publication was made: say it before anything runs
            throw new SetupRefused("wal_level is '" + server.walLevel() + "'; logical replication needs 'logical'",
                    walLevelFix(server));
        }
        if (!server.canUseReplication()) {
            throw new SetupRefused("user " + server.user() + " may not create replication slots (that needs the"
                    + " REPLICATION attribute)", replicationFix(server));
        }
        if (server.usedSlots() >= server.maxSlots()) {
            throw new SetupRefused("all " + server.maxSlots() + " replication slots of the server are in use"
                    + " (max_replication_slots = " + server.maxSlots() + ")",
                    "drop a slot nothing uses any more (see SELECT slot_name, active FROM pg_replication_slots),"
                            + " or raise max_replication_slots and restart the server");
        }
        draft.add(new CreateSlot(name, replicationFix(server)));
    }

    static String walLevelFix(SourceFacts server) {
        if (server.rdsPlatform()) {
            return "set rds.logical_replication = 1 in the instance's parameter group and reboot the instance";
        }
        return "ALTER SYSTEM SET wal_level = logical; then restart the server (Cloud SQL: set the flag"
                + " cloudsql.logical_decoding to on; Azure: set wal_level to LOGICAL in the server parameters"
                + " and restart)";
    }

    static String replicationFix(SourceFacts server) {
        String user = Sql.ident(server.user());
        if (server.rdsPlatform()) {
            return "as the master user run: GRANT rds_replication TO " + user + ";";
        }
        return "as a superuser (or your service's admin user) run: ALTER ROLE " + user + " WITH REPLICATION;";
    }
}
