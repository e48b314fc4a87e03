package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

import java.util.List;
import java.util.Set;

/**
 * The tables a selection resolved to.
 *
 * @param all          every table of the database, now and later ({@code FOR ALL TABLES})
 * @param tables       the concrete tables chosen today, schema wildcards expanded; partitions are left out
 *                     when their partitioned parent is chosen, since the parent covers them
 * @param wholeSchemas schemas chosen with {@code schema.*}
 */
public record ChosenTables(boolean all, List<TableId> tables, Set<String> wholeSchemas) {

    public ChosenTables {
        tables = List.copyOf(tables);
        wholeSchemas = Set.copyOf(wholeSchemas);
    }

    /** "3 tables", "1 table": how messages count the chosen tables. */
    public String count() {
        return tables.size() == 1 ? "1 table" : tables.size() + " tables";
    }
}
