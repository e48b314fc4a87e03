package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.PlanStatement.Ddl;
import io.walbridge.core.setup.SourceState.Role;
import io.walbridge.core.setup.SourceState.RolePrivileges;
import io.walbridge.core.sql.Sql;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans the dedicated login WalBridge runs as: LOGIN and REPLICATION, CONNECT, USAGE on the chosen tables'
 * schemas and SELECT on the chosen tables, nothing more. An existing login gets only what it lacks.
 */
final class RoleSteps {

    private RoleSteps() {
    }

    static void plan(PlanDraft draft, SourceState state, ChosenTables chosen, RoleName name, SecureRandom random) {
        SourceFacts server = state.server();
        String role = Sql.ident(name.value());
        String createRoleFix = "run setup as a superuser or a user with CREATEROLE (on a managed service, its admin"
                + " user), or create the login yourself and run setup without --create-user";
        if (state.role().isEmpty()) {
            requireCreateRole(server, role, createRoleFix);
            NewLogin login = NewLogin.generate(name, random);
            draft.login(login);
            // RDS keeps the REPLICATION attribute to itself; its rds_replication role grants the same power
            String attributes = server.rdsPlatform() ? "LOGIN" : "LOGIN REPLICATION";
            draft.add(new Ddl("CREATE ROLE " + role + " WITH " + attributes + " PASSWORD "
                    + Sql.literal(login.scramVerifier()),
                    "create login " + role + " with " + attributes + " (password generated, shown once)",
                    "created login " + role + " with " + attributes, "DROP ROLE " + role, createRoleFix));
            if (server.rdsPlatform()) {
                grantRdsReplication(draft, role);
            }
        } else {
            Role existing = state.role().get();
            draft.kept("login " + role + " exists, kept (its password is unchanged)");
            List<String> grant = new ArrayList<>();
            List<String> revert = new ArrayList<>();
            if (!existing.canLogin()) {
                grant.add("LOGIN");
                revert.add("NOLOGIN");
            }
            boolean replicates = existing.replication() || existing.rdsReplicationMember();
            if (!replicates && server.rdsPlatform()) {
                grantRdsReplication(draft, role);
            } else if (!replicates) {
                grant.add("REPLICATION");
                revert.add("NOREPLICATION");
            }
            if (!grant.isEmpty()) {
                requireCreateRole(server, role, createRoleFix);
                String attrs = String.join(" ", grant);
                draft.add(new Ddl("ALTER ROLE " + role + " WITH " + attrs, "give login " + role + " " + attrs,
                        "gave login " + role + " " + attrs, "ALTER ROLE " + role + " WITH " + String.join(" ", revert),
                        createRoleFix));
            }
        }
        grants(draft, state, chosen, role);
    }

    private static void grants(PlanDraft draft, SourceState state, ChosenTables chosen, String role) {
        SourceFacts server = state.server();
        RolePrivileges has = state.rolePrivileges();
        String grantFix = "run setup as the owner of the chosen tables and their schemas";
        if (!has.canConnect()) {
            String db = Sql.ident(server.database());
            draft.add(new Ddl("GRANT CONNECT ON DATABASE " + db + " TO " + role, "let " + role + " connect to " + db,
                    "granted CONNECT on " + db + " to " + role, "REVOKE CONNECT ON DATABASE " + db + " FROM " + role,
                    grantFix));
        }
        TreeSet<String> schemas = chosen.tables().stream().map(TableId::schema)
                .filter(s -> !has.schemasWithUsage().contains(s)).collect(Collectors.toCollection(TreeSet::new));
        if (!schemas.isEmpty()) {
            String list = schemas.stream().map(Sql::ident).collect(Collectors.joining(", "));
            draft.add(new Ddl("GRANT USAGE ON SCHEMA " + list + " TO " + role,
                    "let " + role + " look up tables in " + schemaWord(schemas) + list,
                    "granted USAGE on " + schemaWord(schemas) + list + " to " + role,
                    "REVOKE USAGE ON SCHEMA " + list + " FROM " + role, grantFix));
        }
        List<TableId> tables = chosen.tables().stream().filter(t -> !has.readableTables().contains(t)).sorted().toList();
        if (!tables.isEmpty()) {
            requireGrantable(server, state.catalog(), tables);
            String list = tables.stream().map(TableId::quoted).collect(Collectors.joining(", "));
            String count = tables.size() == 1 ? "1 table" : tables.size() + " tables";
            draft.add(new Ddl("GRANT SELECT ON TABLE " + list + " TO " + role,
                    "let " + role + " read the " + count + " it replicates (for the initial copy)",
                    "granted SELECT on " + count + " to " + role, "REVOKE SELECT ON TABLE " + list + " FROM " + role,
                    grantFix));
        }
        if (chosen.all() || !chosen.wholeSchemas().isEmpty()) {
            draft.warn("login " + role + " may read today's tables only; after adding tables, run setup again to"
                    + " grant SELECT on them");
        }
    }

    private static String schemaWord(Set<String> schemas) {
        return schemas.size() == 1 ? "schema " : "schemas ";
    }

    private static void grantRdsReplication(PlanDraft draft, String role) {
        draft.add(new Ddl("GRANT rds_replication TO " + role, "let " + role + " use replication slots (RDS)",
                "granted rds_replication to " + role, "REVOKE rds_replication FROM " + role,
                "run setup as the RDS master user (a member of rds_superuser)"));
    }

    private static void requireCreateRole(SourceFacts server, String role, String fix) {
        if (server.superuser()) {
            return;
        }
        if (!server.createRole()) {
            throw new SetupRefused("user " + server.user() + " may not create or change roles, so cannot set up login "
                    + role + " (that needs CREATEROLE)", fix);
        }
        // since PostgreSQL 16 only a role that has REPLICATION may hand it out
        if (!server.rdsPlatform() && server.versionNum() >= 160000 && !server.replication()) {
            throw new SetupRefused("user " + server.user() + " lacks REPLICATION, so cannot give it to login " + role,
                    SlotSteps.replicationFix(server));
        }
    }

    private static void requireGrantable(SourceFacts server, SourceCatalog catalog, List<TableId> tables) {
        List<TableId> denied = tables.stream().filter(t -> catalog.find(t).map(c -> !c.grantable()).orElse(false))
                .toList();
        if (!denied.isEmpty()) {
            throw new SetupRefused("user " + server.user() + " may not grant SELECT on " + denied.size()
                    + " of the chosen tables (" + denied.stream().limit(3).map(TableId::toString)
                    .collect(Collectors.joining(", ")) + (denied.size() > 3 ? ", …" : "") + ")",
                    "run setup as the tables' owner");
        }
    }
}
