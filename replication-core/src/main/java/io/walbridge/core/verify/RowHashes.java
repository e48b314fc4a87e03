package io.walbridge.core.verify;

import io.walbridge.core.change.TableId;
import io.walbridge.core.sql.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Order-independent fingerprints of a table, computed by the server: each row's key and content are
 * hashed (md5 of their text form); rows fall into buckets by the leading hex digits of the key hash,
 * so bisecting a differing bucket means reading one more digit. Works for any key type, and for
 * tables without a key (the whole row is then the key).
 */
final class RowHashes {

    /** A bucket's row count and the sum of its rows' content hashes. */
    record Bucket(long rows, String hashSum) {
    }

    private final TableId table;
    private final String keyExpr;
    private final String rowExpr;

    RowHashes(TableId table, List<String> keyColumns, List<String> columns) {
        this.table = table;
        this.keyExpr = "ROW(" + keyColumns.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")::text";
        this.rowExpr = "ROW(" + columns.stream().map(Sql::ident).collect(Collectors.joining(", ")) + ")::text";
    }

    /** Buckets one hex digit deeper under each of {@code prefixes} (the empty prefix is the whole table). */
    Map<String, Bucket> buckets(Connection c, List<String> prefixes, int depth) throws SQLException {
        String sql = "SELECT substr(kh, 1, ?) AS b, count(*), sum(('x' || substr(rh, 1, 15))::bit(60)::bigint)::text FROM ("
                + "SELECT md5(" + keyExpr + ") AS kh, md5(" + rowExpr + ") AS rh FROM " + table.quoted() + ") s "
                + "WHERE substr(kh, 1, ?) = ANY (?) GROUP BY 1";
        Map<String, Bucket> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, depth);
            ps.setInt(2, depth - 1);
            ps.setArray(3, c.createArrayOf("text", prefixes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Bucket(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Every row under the prefixes: key text → content hashes (a list, as keyless tables may repeat rows). */
    Map<String, List<String>> rows(Connection c, List<String> prefixes, int depth) throws SQLException {
        String sql = "SELECT k, md5(r) FROM (SELECT " + keyExpr + " AS k, " + rowExpr + " AS r FROM " + table.quoted()
                + ") s WHERE substr(md5(k), 1, ?) = ANY (?)";
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, depth);
            ps.setArray(2, c.createArrayOf("text", prefixes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
