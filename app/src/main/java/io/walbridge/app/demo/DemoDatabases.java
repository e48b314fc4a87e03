package io.walbridge.app.demo;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.setup.NewLogin;
import io.walbridge.core.setup.RoleName;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.sql.Sql;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The demo's two PostgreSQL servers, source and destination, on free local ports. Their data stays in the demo
 * folder between runs (a second start takes seconds); their shared password is kept in the secret store (keyring
 * or secrets file) like any pipeline's, under {@link #PASSWORD_KEY}, and never printed.
 */
public final class DemoDatabases implements AutoCloseable {

    public static final String PASSWORD_KEY = "demo.password";

    private final DemoServer source;
    private final DemoServer destination;

    private DemoDatabases(DemoServer source, DemoServer destination) {
        this.source = source;
        this.destination = destination;
    }

    /** True when demo data from an earlier start is there to be reused (or reset). */
    public static boolean existIn(DemoFolder folder) {
        return DemoServer.exists(folder, DemoRole.SOURCE) || DemoServer.exists(folder, DemoRole.DESTINATION);
    }

    /** Starts both servers, the source first; if the destination fails, the source is stopped again. */
    public static DemoDatabases start(DemoFolder folder, SecretStore secrets) {
        Secret password = password(folder, secrets);
        Properties ports = readPorts(folder);
        DemoServer source = DemoServer.start(folder, DemoRole.SOURCE, port(ports, DemoRole.SOURCE), password);
        DemoServer destination;
        try {
            destination = DemoServer.start(folder, DemoRole.DESTINATION, port(ports, DemoRole.DESTINATION), password);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        DemoDatabases dbs = new DemoDatabases(source, destination);
        try {
            ports.setProperty(DemoRole.SOURCE.folderName(), String.valueOf(source.port()));
            ports.setProperty(DemoRole.DESTINATION.folderName(), String.valueOf(destination.port()));
            writePorts(folder, ports);
            dbs.createDatabase(source, DemoRole.SOURCE.database());
            dbs.createDatabase(destination, DemoRole.DESTINATION.database());
            return dbs;
        } catch (RuntimeException e) {
            dbs.close();
            throw e;
        }
    }

    /** Deletes the demo's data (both servers) and its password, so the next start begins from fresh sample data. */
    public static void reset(DemoFolder folder, SecretStore secrets) {
        try {
            for (DemoRole role : DemoRole.values()) {
                Path data = folder.dataOf(role);
                if (Files.isDirectory(data)) {
                    if (DemoServer.exists(folder, role)) {
                        ServerProcesses.requireNotRunningElsewhere(data);
                        ServerProcesses.stopOrphan(folder, data);
                    }
                    deleteTree(data);
                }
            }
            secrets.remove(PASSWORD_KEY);
        } catch (IOException e) {
            throw new UserFacingException("the demo data in " + folder.root() + " could not be deleted: " + e.getMessage(),
                    "close programs using files in that folder, or delete it yourself", e);
        }
    }

    private static Secret password(DemoFolder folder, SecretStore secrets) {
        java.util.Optional<Secret> known = secrets.get(PASSWORD_KEY).filter(Secret::isPresent);
        if (known.isPresent()) {
            return known.get();
        }
        if (existIn(folder)) {
            throw new UserFacingException("the demo databases in " + folder.root()
                    + " need their password, which is no longer in " + secrets.where(),
                    "start the demo with a reset (walbridge demo --reset, or 'Start from fresh sample data' in the app)");
        }
        // generated like a dedicated login's password; stored before the servers are made, so it is never lost
        Secret fresh = NewLogin.generate(new RoleName(DemoServer.USER), new SecureRandom()).password();
        secrets.put(PASSWORD_KEY, fresh);
        return fresh;
    }

    private void createDatabase(DemoServer server, String name) {
        try (Connection c = server.endpoint("postgres").connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + Sql.ident(name));
            }
        } catch (SQLException e) {
            throw new UserFacingException("the demo database " + name + " could not be made: " + e.getMessage(),
                    "start the demo with a reset (walbridge demo --reset)", e);
        }
    }

    public PgEndpoint source() {
        return source.endpoint(DemoRole.SOURCE.database());
    }

    public PgEndpoint destination() {
        return destination.endpoint(DemoRole.DESTINATION.database());
    }

    /** The servers' process ids (source, destination), so callers can check nothing is left running. */
    public List<Long> pids() {
        return List.of(source.pid(), destination.pid());
    }

    /** Stops both servers and waits until their processes are gone. */
    @Override
    public void close() {
        try {
            destination.close();
        } finally {
            source.close();
        }
    }

    private static int port(Properties ports, DemoRole role) {
        try {
            int p = Integer.parseInt(ports.getProperty(role.folderName(), "0"));
            return p > 0 && isFree(p) ? p : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties readPorts(DemoFolder folder) {
        Properties p = new Properties();
        if (Files.exists(folder.portsFile())) {
            try (Reader in = Files.newBufferedReader(folder.portsFile())) {
                p.load(in);
            } catch (IOException e) {
                // only a preference: new ports will do
            }
        }
        return p;
    }

    private static void writePorts(DemoFolder folder, Properties ports) {
        try (Writer out = Files.newBufferedWriter(folder.portsFile())) {
            ports.store(out, "ports the WalBridge demo servers used last; reused when free");
        } catch (IOException e) {
            // only a preference: the next start picks free ports
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
