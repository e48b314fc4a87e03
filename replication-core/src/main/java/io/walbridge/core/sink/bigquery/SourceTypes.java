package io.walbridge.core.sink.bigquery;

import io.walbridge.core.sink.SinkFailure;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Resolves source type OIDs (domains to their base, arrays to their element) with one catalog query per new type. */
public final class SourceTypes {

    private static final String TYPE = """
            SELECT n.nspname, t.typname, t.typtype, t.typbasetype, t.typtypmod, t.typelem, t.typdelim,
                   EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = ?""";

    private final PgEndpoint source;
    private final Map<Long, PgType> cache = new ConcurrentHashMap<>();

    public SourceTypes(PgEndpoint source) {
        this.source = source;
    }

    /** The type of a column declared with {@code oid} and {@code modifier}. */
    public PgType resolve(int oid, int modifier) {
        long key = (Integer.toUnsignedLong(oid) << 32) | (modifier & 0xFFFFFFFFL);
        PgType known = cache.get(key);
        if (known != null) {
            return known;
        }
        try (Connection c = source.connect()) {
            PgType t = resolve(c, Integer.toUnsignedLong(oid), modifier, 0);
            cache.put(key, t);
            return t;
        } catch (SQLException e) {
            throw new SinkFailure("could not read the definition of type " + Integer.toUnsignedLong(oid)
                    + " from the source: " + e.getMessage(), "check that the source is reachable", true, e);
        }
    }

    private PgType resolve(Connection c, long oid, int modifier, int depth) throws SQLException {
        if (depth > 16) {
            throw new SQLException("type " + oid + " nests too deeply");
        }
        try (PreparedStatement ps = c.prepareStatement(TYPE)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("type " + oid + " does not exist");
                }
                String schema = rs.getString(1);
                String name = rs.getString(2);
                char kind = rs.getString(3).charAt(0);
                char delimiter = rs.getString(7).charAt(0);
                if (kind == 'd') {
                    return resolve(c, rs.getLong(4), rs.getInt(5), depth + 1);
                }
                if (rs.getBoolean(8)) {
                    PgType element = resolve(c, rs.getLong(6), modifier, depth + 1);
                    return PgType.arrayOf(element);
                }
                return new PgType(schema.equals("pg_catalog") ? name : null, kind == 'e', modifier, null, delimiter);
            }
        }
    }
}
