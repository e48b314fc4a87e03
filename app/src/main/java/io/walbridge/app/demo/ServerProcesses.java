package io.walbridge.app.demo;

import io.walbridge.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The demo servers' processes as the operating system sees them: who holds a data folder, a server left running
 * by a WalBridge that was killed, and making sure a stopped server is really gone.
 */
final class ServerProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcesses.class);
    /** The lock file zonky's embedded PostgreSQL holds while it runs a data folder. */
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private ServerProcesses() {
    }

    /** Refuses a data folder that another WalBridge (or this one) is running right now. */
    static void requireNotRunningElsewhere(Path data) throws IOException {
        Path lock = data.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            if (held == null) {
                throw alreadyRunning(data);
            }
        } catch (OverlappingFileLockException e) {
            throw alreadyRunning(data);
        }
    }

    private static UserFacingException alreadyRunning(Path data) {
        return new UserFacingException("the demo is already running (its data folder " + data
                + " is in use by another WalBridge)", "stop the demo there (Ctrl-C, or 'Stop demo' in the app),"
                + " or use that one");
    }

    /**
     * Stops a server a previous WalBridge left running (killed before it could stop it), and clears a stale
     * {@code postmaster.pid} whose process id now belongs to another program (after a reboot), which would make
     * PostgreSQL refuse to start.
     */
    static void stopOrphan(DemoFolder folder, Path data) throws IOException {
        OptionalLong pid = postmasterPid(data);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL removes a pid file whose process is gone by itself
        }
        if (!isPostgres(process.get())) {
            LOG.info("removing stale {} (process {} is another program)", data.resolve("postmaster.pid"), pid.getAsLong());
            Files.deleteIfExists(data.resolve("postmaster.pid"));
            return;
        }
        LOG.info("stopping demo server process {} left running by an earlier WalBridge", pid.getAsLong());
        // pg_ctl is the portable way (Windows has no SIGTERM); it refuses to run as root, where the signal does
        Optional<Path> pgCtl = pgCtl(folder);
        boolean asked = pgCtl.isPresent()
                && run(List.of(pgCtl.get().toString(), "-D", data.toString(), "stop", "-m", "fast", "-w", "-t", "60"));
        if (!asked || !awaitExit(process.get(), STOP_WAIT)) {
            process.get().destroy();
        }
        if (!awaitExit(process.get(), STOP_WAIT)) {
            throw new UserFacingException("an earlier demo server (process " + pid.getAsLong()
                    + ") is still running on " + data + " and does not stop",
                    "stop process " + pid.getAsLong() + " yourself, then start the demo again");
        }
    }

    /** The process id in the data folder's {@code postmaster.pid}, when the file is there. */
    static OptionalLong postmasterPid(Path data) {
        Path file = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return OptionalLong.empty();
            }
            try (Stream<String> lines = Files.lines(file)) {
                return lines.findFirst().map(String::strip).filter(s -> s.matches("\\d+"))
                        .map(s -> OptionalLong.of(Long.parseLong(s))).orElse(OptionalLong.empty());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    /** True while the process with this id runs. */
    static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until a stopped server's process is gone; one that lingers is ended, so nothing is left running. */
    static void awaitGone(long pid, String name) {
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || awaitExit(process.get(), STOP_WAIT)) {
            return;
        }
        LOG.warn("the demo {} server (process {}) did not stop in {} s; ending it", name, pid, STOP_WAIT.toSeconds());
        process.get().destroy();
        if (!awaitExit(process.get(), STOP_WAIT)) {
            process.get().destroyForcibly();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // where the command cannot be read (another user's process), assume the worst: it is not ours to stop
        return process.info().command().map(c -> Path.of(c).getFileName().toString().toLowerCase())
                .map(n -> n.equals("postgres") || n.equals("postgres.exe")).orElse(false);
    }

    private static Optional<Path> pgCtl(DemoFolder folder) throws IOException {
        if (!Files.isDirectory(folder.binaries())) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(folder.binaries())) {
            return versions.flatMap(v -> Stream.of(v.resolve("bin/pg_ctl"), v.resolve("bin/pg_ctl.exe")))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    /** Runs a command to its end; true when it succeeded. */
    private static boolean run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroy();
                return false;
            }
            return p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
