package io.walbridge.core.verify;

import io.walbridge.core.change.TableId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares one table on two servers by bisecting hash buckets down to the differing rows. */
final class TableComparator {

    /** Below this many rows in the differing buckets, rows are fetched and compared one by one. */
    private static final long LEAF_ROWS = 20_000;
    private static final int MAX_DEPTH = 8;

    private final TableId table;
    private final RowHashes hashes;
    private final boolean keyed;

    TableComparator(TableId table, List<String> keyColumns, List<String> columns) {
        this.table = table;
        this.keyed = !keyColumns.isEmpty();
        this.hashes = new RowHashes(table, keyed ? keyColumns : columns, columns);
    }

    TableDifference compare(Connection source, Connection target) throws SQLException {
        List<String> prefixes = List.of("");
        long sourceRows = -1;
        long targetRows = -1;
        for (int depth = 1; ; depth++) {
            Map<String, RowHashes.Bucket> s = hashes.buckets(source, prefixes, depth);
            Map<String, RowHashes.Bucket> t = hashes.buckets(target, prefixes, depth);
            if (depth == 1) {
                sourceRows = s.values().stream().mapToLong(RowHashes.Bucket::rows).sum();
                targetRows = t.values().stream().mapToLong(RowHashes.Bucket::rows).sum();
            }
            Set<String> all = new HashSet<>(s.keySet());
            all.addAll(t.keySet());
            List<String> differing = new ArrayList<>();
            long rows = 0;
            for (String b : all) {
                if (!Objects.equals(s.get(b), t.get(b))) {
                    differing.add(b);
                    rows += Math.max(rowsOf(s.get(b)), rowsOf(t.get(b)));
                }
            }
            if (differing.isEmpty()) {
                return new TableDifference(table, sourceRows, targetRows, List.of(), List.of(), List.of(), false);
            }
            if (rows <= LEAF_ROWS || depth >= MAX_DEPTH) {
                return leaf(source, target, differing, depth, sourceRows, targetRows);
            }
            prefixes = differing;
        }
    }

    private TableDifference leaf(Connection source, Connection target, List<String> prefixes, int depth,
                                 long sourceRows, long targetRows) throws SQLException {
        Map<String, List<String>> s = hashes.rows(source, prefixes, depth);
        Map<String, List<String>> t = hashes.rows(target, prefixes, depth);
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        Set<String> keys = new HashSet<>(s.keySet());
        keys.addAll(t.keySet());
        for (String k : keys.stream().sorted().toList()) {
            List<String> a = s.getOrDefault(k, List.of());
            List<String> b = t.getOrDefault(k, List.of());
            if (keyed && !a.isEmpty() && !b.isEmpty()) {
                if (!a.equals(b)) {
                    differing.add(k);
                }
                continue;
            }
            // without a key a row is its own key: compare how often it occurs
            for (int i = b.size(); i < a.size(); i++) {
                missing.add(k);
            }
            for (int i = a.size(); i < b.size(); i++) {
                extra.add(k);
            }
        }
        return new TableDifference(table, sourceRows, targetRows, missing, extra, differing, false);
    }

    private static long rowsOf(RowHashes.Bucket b) {
        return b == null ? 0 : b.rows();
    }
}
