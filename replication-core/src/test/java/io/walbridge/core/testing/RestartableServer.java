package io.walbridge.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A dedicated embedded server that a test can stop — {@code fast} (clients are told to go) or {@code immediate}
 * (a crash: no checkpoint, recovery at the next start) — and start again on the same data directory and port,
 * so clients reconnect to the same address.
 */
public final class RestartableServer implements AutoCloseable {

    /** PostgreSQL's shutdown modes ({@code pg_ctl stop -m}). */
    public enum Stop { FAST, IMMEDIATE }

    private final Path dataDir;
    private final int port;
    private final Consumer<EmbeddedPostgres.Builder> customizer;
    private volatile PgServer server;

    private RestartableServer(Consumer<EmbeddedPostgres.Builder> customizer) throws IOException {
        this.dataDir = Files.createTempDirectory("walbridge-restartable");
        this.port = freePort();
        this.customizer = customizer;
        this.server = boot();
    }

    public static RestartableServer start(Consumer<EmbeddedPostgres.Builder> customizer) {
        try {
            return new RestartableServer(customizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running server (a new object after each restart, same port and data). */
    public PgServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    /** Stops the server in the given mode; {@link #startAgain()} brings it back. */
    public void stop(Stop mode) {
        if (mode == Stop.IMMEDIATE) {
            crash();
        }
        server.close(); // fast shutdown, or (after immediate) only releases zonky's lock on the data directory
    }

    public void startAgain() {
        server = boot();
    }

    public void restart(Stop mode) {
        stop(mode);
        startAgain();
    }

    private PgServer boot() {
        return PgServer.start(b -> {
            customizer.accept(b);
            b.setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port);
        });
    }

    /**
     * An immediate shutdown, as {@code pg_ctl stop -m immediate} does it: SIGQUIT to the postmaster, which ends
     * every process at once without a checkpoint (pg_ctl itself refuses to run as root, which tests here may be).
     */
    private void crash() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed: " + out);
            }
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the postmaster did not stop", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
