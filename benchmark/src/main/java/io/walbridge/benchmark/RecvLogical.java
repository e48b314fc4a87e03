package io.walbridge.benchmark;

import io.walbridge.core.change.Lsn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL's own {@code pg_recvlogical}, when the machine has the client tools (never required):
 * reads a slot with pgoutput into /dev/null up to an end position.
 */
final class RecvLogical {

    private final Path binary;

    private RecvLogical(Path binary) {
        this.binary = binary;
    }

    /** On PATH, else the newest under /usr/lib/postgresql/N/bin (Debian's layout). */
    static Optional<RecvLogical> find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "pg_recvlogical"));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin").resolve("pg_recvlogical")));
            } catch (IOException e) {
                // no readable Debian layout: PATH was searched already
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(RecvLogical::new);
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The binary and its version line, for the report. */
    String describe() {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return binary + " (" + version + ")";
        } catch (IOException e) {
            return binary.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return binary.toString();
        }
    }

    /** Streams {@code slot} to /dev/null until {@code end}; returns the seconds it took, process start included. */
    double read(String conninfo, String slot, String publication, Lsn end) throws InterruptedException {
        List<String> cmd = List.of(binary.toString(), "-d", conninfo, "--slot=" + slot, "--start", "--plugin=pgoutput",
                "-o", "proto_version=1", "-o", "publication_names=" + publication, "--endpos=" + end, "--no-loop",
                "-f", "/dev/null");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroy();
                throw new IllegalStateException("pg_recvlogical did not finish within 60 min");
            }
            long stop = System.nanoTime();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("pg_recvlogical exited with " + p.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
            return (stop - start) / 1e9;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + binary + ": " + e.getMessage(), e);
        }
    }
}
