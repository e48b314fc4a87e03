package io.walbridge.core.testing;

import io.walbridge.core.source.PgEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real PostgreSQL server for tests (zonky embedded binaries from Maven, {@code wal_level=logical}).
 * {@link #shared(String)} servers live for the whole test JVM; tests isolate themselves with
 * {@link #freshDatabase()} and unique slot names rather than restarting servers.
 */
public final class PgServer implements AutoCloseable {

    private static final Map<String, PgServer> SHARED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final AtomicInteger DB_COUNTER = new AtomicInteger();

    private final EmbeddedPostgres pg;

    private PgServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** A server shared by every test in this JVM under the given role name ("source", "target"). */
    public static PgServer shared(String role) {
        return shared(role, b -> { });
    }

    /**
     * A specially configured server shared by every test in this JVM that asks for {@code role}; the customizer
     * applies when the first one asks (servers are costly: a misconfigured or TLS server serves many tests).
     */
    public static PgServer shared(String role, Consumer<EmbeddedPostgres.Builder> customizer) {
        return SHARED.computeIfAbsent(role, r -> {
            PgServer s = start(customizer);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            return s;
        });
    }

    /** A dedicated server; the customizer may add settings (e.g. {@code wal_level=replica}, TLS files). */
    public static PgServer start(Consumer<EmbeddedPostgres.Builder> customizer) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "40")
                .setServerConfig("max_wal_senders", "40")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                // zonky turns this off; logical decoding then lags behind commits by up to wal_writer_delay
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("wal_sender_timeout", "60s")
                .setServerConfig("logical_decoding_work_mem", "64MB")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("max_wal_size", "4GB");
        customizer.accept(b);
        try {
            return new PgServer(b.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    public EmbeddedPostgres embedded() {
        return pg;
    }

    /** Creates a new, empty database and returns its name. */
    public String freshDatabase() {
        String name = "db" + ProcessHandle.current().pid() + "_" + DB_COUNTER.incrementAndGet();
        exec("postgres", "CREATE DATABASE " + name);
        return name;
    }

    public PgEndpoint endpoint(String database) {
        return PgEndpoint.parse("postgresql://postgres@localhost:" + port() + "/" + database + "?sslmode=disable");
    }

    public String url(String database) {
        return endpoint(database).display();
    }

    public Connection connect(String database) {
        try {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void exec(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** All rows of a query as text, in the query's order, for whole-table comparisons. */
    public List<List<String>> rows(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public String scalar(String database, String sql) {
        List<List<String>> r = rows(database, sql);
        return r.isEmpty() ? null : r.get(0).get(0);
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
