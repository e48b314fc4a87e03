package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.PlanStatement.Ddl;
import io.walbridge.core.setup.SourceState.Publication;
import io.walbridge.core.sql.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Plans the publication: create it, point an existing one at the chosen tables, or keep it as it is. */
final class PublicationSteps {

    private PublicationSteps() {
    }

    static void plan(PlanDraft draft, SourceState state, ChosenTables chosen, PublicationName name) {
        SourceFacts server = state.server();
        PublicationMembers wanted = PublicationMembers.of(chosen, server);
        if (!chosen.all() && wanted.isEmpty()) {
            throw new SetupRefused("the table selection matches no tables in database " + server.database(),
                    "name tables that exist with --tables, or leave --tables out to publish all tables");
        }
        String pub = Sql.ident(name.value());
        if (state.publication().isEmpty()) {
            create(draft, server, state.catalog(), chosen, wanted, pub);
            return;
        }
        Publication existing = state.publication().get();
        if (existing.allTables() != chosen.all()) {
            throw new SetupRefused(existing.allTables()
                    ? "publication " + pub + " publishes all tables; an existing publication cannot be narrowed to"
                            + " the chosen tables"
                    : "publication " + pub + " lists chosen tables; an existing publication cannot be switched to"
                            + " all tables",
                    "choose another --publication name, or, if nothing else uses it, drop it first: DROP PUBLICATION "
                            + pub + ";");
        }
        PublicationMembers current = new PublicationMembers(existing.tables(), existing.schemas());
        if (chosen.all()) {
            draft.kept("publication " + pub + " exists and publishes all tables, kept");
        } else if (current.equals(wanted)) {
            draft.kept("publication " + pub + " already publishes the " + chosenCount(chosen) + ", kept");
        } else {
            requireOwner(server, existing, pub);
            requireTableOwnership(server, state.catalog(), wanted.minus(current).tables());
            PublicationMembers added = wanted.minus(current);
            PublicationMembers removed = current.minus(wanted);
            // SET cannot take an empty list; a publication that listed nothing is restored by dropping what was added
            String undo = current.isEmpty() ? "ALTER PUBLICATION " + pub + " DROP " + wanted.sql()
                    : "ALTER PUBLICATION " + pub + " SET " + current.sql();
            String what = " publish the " + chosenCount(chosen) + changes(added, removed);
            draft.add(new Ddl("ALTER PUBLICATION " + pub + " SET " + wanted.sql(), "change publication " + pub + " to"
                    + what, "updated publication " + pub + " to" + what, undo, ownerFix(existing)));
        }
        String publish = fullPublish(server);
        if (!existing.publish().equals(publish)) {
            requireOwner(server, existing, pub);
            draft.add(new Ddl("ALTER PUBLICATION " + pub + " SET (publish = " + Sql.literal(publish) + ")",
                    "make publication " + pub + " publish " + publish + " (it published: "
                            + (existing.publish().isEmpty() ? "nothing" : existing.publish()) + ")",
                    "publication " + pub + " now publishes " + publish,
                    "ALTER PUBLICATION " + pub + " SET (publish = " + Sql.literal(existing.publish()) + ")",
                    ownerFix(existing)));
        }
    }

    private static void create(PlanDraft draft, SourceFacts server, SourceCatalog catalog, ChosenTables chosen,
                               PublicationMembers wanted, String pub) {
        if (!server.superuser() && !server.createOnDatabase()) {
            throw new SetupRefused("user " + server.user() + " may not create publications in database "
                    + server.database() + " (that needs the CREATE privilege on the database)",
                    "as the database owner run: GRANT CREATE ON DATABASE " + Sql.ident(server.database()) + " TO "
                            + Sql.ident(server.user()) + ";");
        }
        String target;
        String deniedFix;
        if (chosen.all() || !wanted.schemas().isEmpty()) {
            target = chosen.all() ? "FOR ALL TABLES" : "FOR " + wanted.sql();
            deniedFix = "FOR ALL TABLES and TABLES IN SCHEMA need a superuser (on a managed service, its admin user);"
                    + " or name the tables with --tables and run setup as their owner";
        } else {
            requireTableOwnership(server, catalog, wanted.tables());
            target = "FOR " + wanted.sql();
            deniedFix = "run setup as the owner of the chosen tables, with CREATE on the database: GRANT CREATE ON"
                    + " DATABASE " + Sql.ident(server.database()) + " TO " + Sql.ident(server.user()) + ";";
        }
        String what = chosen.all() ? "all tables" : chosen.count() + schemaNote(wanted);
        draft.add(new Ddl("CREATE PUBLICATION " + pub + " " + target, "create publication " + pub + " for " + what,
                "created publication " + pub + " for " + what, "DROP PUBLICATION " + pub, deniedFix));
    }

    private static String changes(PublicationMembers added, PublicationMembers removed) {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + added.describe());
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + removed.describe());
        }
        return " (" + String.join("; ", parts) + ")";
    }

    private static String chosenCount(ChosenTables chosen) {
        int n = chosen.tables().size();
        return n == 1 ? "1 chosen table" : n + " chosen tables";
    }

    private static String schemaNote(PublicationMembers wanted) {
        if (wanted.schemas().isEmpty()) {
            return "";
        }
        return " (every table of schema " + wanted.schemas().stream().sorted().map(Sql::ident)
                .collect(Collectors.joining(", ")) + ", also those created later)";
    }

    /** The publish option that carries every change WalBridge applies. */
    static String fullPublish(SourceFacts server) {
        return server.versionNum() >= 110000 ? "insert, update, delete, truncate" : "insert, update, delete";
    }

    private static void requireOwner(SourceFacts server, Publication existing, String pub) {
        if (!server.superuser() && !existing.ownedByUser()) {
            throw new SetupRefused("publication " + pub + " belongs to role " + existing.owner() + "; only its owner"
                    + " may change it", ownerFix(existing));
        }
    }

    private static String ownerFix(Publication existing) {
        return "run setup as " + Sql.ident(existing.owner()) + " (or a member of it), or choose another --publication"
                + " name";
    }

    /** Adding a table to a publication needs its owner: checked here so that nothing runs half-way. */
    private static void requireTableOwnership(SourceFacts server, SourceCatalog catalog, Iterable<TableId> tables) {
        if (server.superuser()) {
            return;
        }
        List<CatalogTable> notOwned = new ArrayList<>();
        for (TableId t : tables) {
            catalog.find(t).filter(c -> !c.owned()).ifPresent(notOwned::add);
        }
        if (!notOwned.isEmpty()) {
            CatalogTable first = notOwned.get(0);
            throw new SetupRefused("user " + server.user() + " does not own " + notOwned.size() + " of the chosen tables ("
                    + notOwned.stream().limit(3).map(c -> c.id().toString()).collect(Collectors.joining(", "))
                    + (notOwned.size() > 3 ? ", …" : "") + "); only a table's owner may publish it",
                    "run setup as the tables' owner (" + Sql.ident(first.owner()) + "), or leave those tables out of"
                            + " --tables");
        }
    }
}
