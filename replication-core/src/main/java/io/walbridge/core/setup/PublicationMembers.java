package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;
import io.walbridge.core.sql.Sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a publication lists: tables by name and, on PostgreSQL 15+, whole schemas. Compared as sets, so the
 * order the user typed does not make an existing publication look different.
 */
record PublicationMembers(Set<TableId> tables, Set<String> schemas) {

    PublicationMembers {
        tables = Set.copyOf(tables);
        schemas = Set.copyOf(schemas);
    }

    /** The chosen tables as this server can list them: {@code schema.*} as a schema from PostgreSQL 15 on. */
    static PublicationMembers of(ChosenTables chosen, SourceFacts server) {
        if (!server.supportsSchemaPublications()) {
            return new PublicationMembers(new HashSet<>(chosen.tables()), Set.of());
        }
        Set<TableId> tables = chosen.tables().stream().filter(t -> !chosen.wholeSchemas().contains(t.schema()))
                .collect(Collectors.toSet());
        return new PublicationMembers(tables, chosen.wholeSchemas());
    }

    boolean isEmpty() {
        return tables.isEmpty() && schemas.isEmpty();
    }

    int size() {
        return tables.size() + schemas.size();
    }

    /** For messages: {@code public.a, sales.*}, the first few entries and how many more. */
    String describe() {
        List<String> names = new ArrayList<>();
        new TreeSet<>(tables).forEach(t -> names.add(t.toString()));
        new TreeSet<>(schemas).forEach(s -> names.add(s + ".*"));
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    /** {@code TABLE "a"."b", "a"."c", TABLES IN SCHEMA "s"}: the object list of CREATE/ALTER PUBLICATION. */
    String sql() {
        List<String> parts = new ArrayList<>();
        if (!tables.isEmpty()) {
            parts.add("TABLE " + new TreeSet<>(tables).stream().map(TableId::quoted).collect(Collectors.joining(", ")));
        }
        if (!schemas.isEmpty()) {
            parts.add("TABLES IN SCHEMA " + new TreeSet<>(schemas).stream().map(Sql::ident)
                    .collect(Collectors.joining(", ")));
        }
        return String.join(", ", parts);
    }

    /** Members here that are not in the other set: what SET adds, or (reversed) what it removes. */
    PublicationMembers minus(PublicationMembers other) {
        Set<TableId> t = new HashSet<>(tables);
        t.removeAll(other.tables);
        Set<String> s = new HashSet<>(schemas);
        s.removeAll(other.schemas);
        return new PublicationMembers(t, s);
    }
}
