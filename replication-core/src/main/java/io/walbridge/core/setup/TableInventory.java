package io.walbridge.core.setup;

import io.walbridge.core.change.TableId;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists the tables a user may choose to replicate, in one query: partitions are left out (their partitioned
 * parent publishes them), system schemas too.
 */
public final class TableInventory {

    /*
     * A column's type is flagged when the destination cannot create it from the name alone: composite, range
     * and multirange types, and base types from outside pg_catalog (extensions such as PostGIS or hstore).
     * Arrays and domains are judged by their element or base type. Enums are created by the sink itself.
     */
    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid),
                   EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'),
                   c.relreplident, c.relkind = 'p', c.relpersistence <> 'p',
                   ARRAY(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ': ' ||
                                CASE e.typtype WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type'
                                               WHEN 'm' THEN 'multirange type' ELSE 'extension type' END
                         FROM pg_attribute a
                         JOIN pg_type t ON t.oid = a.atttypid
                         JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
                         JOIN pg_type e ON e.oid = CASE WHEN b.typelem <> 0 AND b.typcategory = 'A' THEN b.typelem
                                                        ELSE b.oid END
                         JOIN pg_namespace en ON en.oid = e.typnamespace
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                           AND (e.typtype IN ('c', 'r', 'm') OR (e.typtype = 'b' AND en.nspname <> 'pg_catalog'))
                         ORDER BY a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname, c.relname""";

    private TableInventory() {
    }

    public static List<TableFacts> read(Connection c) throws SQLException {
        List<TableFacts> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array flagged = rs.getArray(9);
                List<String> types = flagged == null ? List.of() : Arrays.asList((String[]) flagged.getArray());
                out.add(new TableFacts(new TableId(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5), rs.getString(6).charAt(0), rs.getBoolean(7), rs.getBoolean(8), types));
            }
        }
        return out;
    }
}
