package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.sql.Sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads what exists on the source and plans only what is missing, refusing up front what would fail half-way
 * (wrong slot plugin, wal_level, missing privileges), so that a refusal never leaves anything behind.
 */
public final class ReplicationPlanner {

    private final SecureRandom random;

    public ReplicationPlanner() {
        this(new SecureRandom());
    }

    /** The random source makes the dedicated login's password; tests may seed their own. */
    public ReplicationPlanner(SecureRandom random) {
        this.random = random;
    }

    /** Inspects the source over the connection (read-only) and returns the plan; throws a user-facing refusal. */
    public ReplicationPlan plan(Connection c, SetupRequest request) {
        SourceCatalog catalog;
        SourceState state;
        ChosenTables chosen;
        try {
            catalog = SourceCatalog.read(c);
            chosen = request.tables().resolve(catalog);
            state = SourceInspector.read(c, request, catalog, chosen);
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "read the source's catalog", "connect as a user that can read the"
                    + " system catalogs (any login can, unless they were locked down)").asException(e);
        }
        return plan(state, chosen, request);
    }

    /** Plans from state already read: a pure function of its inputs (and the random source). */
    ReplicationPlan plan(SourceState state, ChosenTables chosen, SetupRequest request) {
        SourceFacts server = state.server();
        if (server.versionNum() < 100000) {
            throw new SetupRefused("the source runs PostgreSQL " + server.version() + "; logical replication with"
                    + " pgoutput needs PostgreSQL 10 or later", "upgrade the source server");
        }
        if (server.versionNum() < 130000) {
            for (TableId t : chosen.tables()) {
                if (state.catalog().get(t).partitioned()) {
                    throw new SetupRefused("table " + t + " is partitioned; publishing partitioned tables needs"
                            + " PostgreSQL 13 or later", "list its partitions in --tables instead");
                }
            }
        }
        PlanDraft draft = new PlanDraft();
        PublicationSteps.plan(draft, state, chosen, request.publication());
        ReplicaIdentitySteps.plan(draft, state, chosen, request.replicaIdentityFull());
        request.dedicatedUser().ifPresent(role -> RoleSteps.plan(draft, state, chosen, role, random));
        // last: pgoutput looks the publication up as of the slot's start, so the publication must exist first
        SlotSteps.plan(draft, state, request.slot());
        ReplicationPlan plan = draft.build(server);
        if (server.inRecovery() && !plan.isEmpty()) {
            throw new SetupRefused("database " + Sql.ident(server.database()) + " is on a read-only standby; setup"
                    + " must change the primary", "connect --source to the primary server");
        }
        return plan;
    }
}
