package io.walbridge.benchmark;

import io.walbridge.core.source.PgEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** One embedded PostgreSQL server the benchmark starts (zonky binaries from Maven), with the same settings for all. */
final class BenchServer implements AutoCloseable {

    /** Every server gets exactly these, so both destinations are alike; printed with the results. */
    static final Map<String, String> SETTINGS = settings();

    private final String role;
    private final EmbeddedPostgres pg;

    private BenchServer(String role, EmbeddedPostgres pg) {
        this.role = role;
        this.pg = pg;
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("wal_level", "logical");
        s.put("max_replication_slots", "40");
        s.put("max_wal_senders", "40");
        s.put("max_connections", "200");
        s.put("shared_buffers", "256MB");
        s.put("max_wal_size", "8GB");
        s.put("checkpoint_timeout", "30min");
        s.put("fsync", "off");
        s.put("full_page_writes", "off");
        s.put("synchronous_commit", "on");
        s.put("logical_decoding_work_mem", "64MB");
        s.put("wal_sender_timeout", "60s");
        return s;
    }

    static BenchServer start(String role) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
        SETTINGS.forEach(b::setServerConfig);
        try {
            return new BenchServer(role, b.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server for " + role, e);
        }
    }

    String role() {
        return role;
    }

    int port() {
        return pg.getPort();
    }

    PgEndpoint endpoint(String database) {
        return PgEndpoint.parse("postgresql://postgres@localhost:" + port() + "/" + database + "?sslmode=disable");
    }

    /** A libpq connection string, for a native subscription and for pg_recvlogical. */
    String conninfo(String database) {
        return "host=localhost port=" + port() + " dbname=" + database + " user=postgres sslmode=disable";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "");
    }

    void exec(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(role + ": " + e.getMessage(), e);
        }
    }

    String scalar(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(role + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
