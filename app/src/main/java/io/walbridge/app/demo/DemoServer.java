package io.walbridge.app.demo;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.source.PgEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One of the demo's PostgreSQL servers, run from the binaries shipped in the jar, with its data kept in the demo
 * folder so a second start is quick. Logins need the demo's password even from this machine: a passwordless
 * superuser on localhost would let any local user run programs as the user running WalBridge.
 */
final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    static final String USER = "postgres";

    private final DemoRole role;
    private final EmbeddedPostgres pg;
    private final Secret password;
    private final long pid;

    private DemoServer(DemoRole role, EmbeddedPostgres pg, Secret password, long pid) {
        this.role = role;
        this.pg = pg;
        this.password = password;
        this.pid = pid;
    }

    /** True when this server's data folder was made before (the sample data may be there too). */
    static boolean exists(DemoFolder folder, DemoRole role) {
        return Files.exists(folder.dataOf(role).resolve("postgresql.conf"));
    }

    /**
     * Starts the server on {@code port} (0: any free one), making its data folder first when there is none. The
     * password is only needed to make a new data folder and to log in.
     */
    static DemoServer start(DemoFolder folder, DemoRole role, int port, Secret password) {
        Path data = folder.dataOf(role);
        Path log = folder.logOf(role);
        boolean fresh = !exists(folder, role);
        Path pwfile = null;
        try {
            Files.createDirectories(folder.root());
            if (!fresh) {
                ServerProcesses.requireNotRunningElsewhere(data);
                ServerProcesses.stopOrphan(folder, data);
            }
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(folder.binaries().toFile())
                    .setPort(port)
                    .setConnectConfig("password", password.value())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // the first start unpacks the binaries and makes the data folder: slow disks need time
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings().forEach(b::setServerConfig);
            if (fresh) {
                pwfile = writePasswordFile(folder.root(), password);
                // initdb options: the superuser gets the password, and every login must give it (SCRAM)
                b.setLocaleConfig("pwfile", pwfile.toString());
                b.setLocaleConfig("auth-host", "scram-sha-256");
                b.setLocaleConfig("auth-local", "scram-sha-256");
            }
            EmbeddedPostgres pg = b.start();
            OptionalLong pid = ServerProcesses.postmasterPid(data);
            return new DemoServer(role, pg, password, pid.orElse(-1));
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.debug("demo {} server failed to start", role.folderName(), e);
            throw new UserFacingException("the demo's " + role.folderName() + " server did not start: "
                    + firstLine(e) + " (its log: " + log + ")",
                    "read the end of the log; if the data is damaged, start the demo again with a reset"
                            + " (walbridge demo --reset, or 'Start from fresh sample data' in the app)", e);
        } finally {
            deleteQuietly(pwfile);
        }
    }

    /** Settings for a small server that can be a logical replication source. */
    private static Map<String, String> settings() {
        return Map.of(
                "listen_addresses", "localhost",
                "wal_level", "logical",
                "max_wal_senders", "10",
                "max_replication_slots", "10",
                "max_connections", "60",
                // zonky turns this off; logical decoding would then lag commits by up to wal_writer_delay
                "synchronous_commit", "on",
                // a forgotten demo slot must not fill the disk, and a demo needs little WAL kept in stock
                "max_slot_wal_keep_size", "4GB",
                "min_wal_size", "32MB",
                "max_wal_size", "256MB",
                "timezone", "UTC");
    }

    private static Path writePasswordFile(Path dir, Secret password) throws IOException {
        Path file = Files.createTempFile(dir, ".pw", ".tmp");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file is in the user's own local app data folder, which others cannot read
        }
        Files.writeString(file, password.value() + "\n");
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete the temporary password file {}: {}", file, e.getMessage());
            }
        }
    }

    DemoRole role() {
        return role;
    }

    int port() {
        return pg.getPort();
    }

    /** The postmaster's process id, or -1 when it could not be read. */
    long pid() {
        return pid;
    }

    PgEndpoint endpoint(String database) {
        return new PgEndpoint("localhost", port(), database, USER, password, Map.of("sslmode", "disable"));
    }

    /** Stops the server and waits until its process is gone. */
    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("stopping the demo {} server: {}", role.folderName(), e.getMessage());
        }
        ServerProcesses.awaitGone(pid, role.folderName());
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
