package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.PlanStatement.Ddl;
import io.walbridge.core.sql.Sql;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Plans REPLICA IDENTITY FULL for chosen tables that have no primary key, or warns about them. Without an
 * identity the server refuses UPDATE and DELETE on a table once it publishes them, so this is not cosmetic.
 */
final class ReplicaIdentitySteps {

    private ReplicaIdentitySteps() {
    }

    static void plan(PlanDraft draft, SourceState state, ChosenTables chosen, boolean makeFull) {
        SourceFacts server = state.server();
        // changes are published from the leaf partitions, and a partitioned parent's identity does not reach them
        Set<CatalogTable> lacking = new LinkedHashSet<>();
        for (TableId t : chosen.tables()) {
            state.catalog().leavesOf(t).stream().filter(leaf -> !leaf.hasReplicaIdentity()).forEach(lacking::add);
        }
        for (CatalogTable t : lacking) {
            String table = t.id().quoted();
            if (!makeFull) {
                draft.warn("table " + t.id() + " has no primary key or replica identity: once published, UPDATE and"
                        + " DELETE on it fail on the source; add a primary key or rerun setup with"
                        + " --replica-identity-full");
                continue;
            }
            if (!server.superuser() && !t.owned()) {
                throw new SetupRefused("user " + server.user() + " does not own table " + t.id() + ", so cannot set"
                        + " its replica identity", "run setup as " + Sql.ident(t.owner()) + ", or add a primary key"
                        + " to the table");
            }
            String previous = t.replicaIdentity() == 'n' ? "NOTHING" : "DEFAULT";
            draft.add(new Ddl("ALTER TABLE " + table + " REPLICA IDENTITY FULL",
                    "log whole old rows of " + t.id() + " (it has no primary key), so its updates and deletes"
                            + " can be replicated",
                    "set REPLICA IDENTITY FULL on " + t.id() + " (no primary key)",
                    "ALTER TABLE " + table + " REPLICA IDENTITY " + previous,
                    "run setup as the owner of " + t.id() + " (" + Sql.ident(t.owner()) + ")"));
        }
    }
}
