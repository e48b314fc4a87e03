package io.walbridge.installer;

import io.walbridge.core.setup.TestPki;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app image the build just made, run as on a machine without Java: no JDK on the PATH, no JAVA_HOME. Its
 * launcher answers {@code --version}, checks a real TLS server with {@code check} (the runtime has what TLS
 * needs), and runs the demo's embedded servers to a verified copy (the image carries PostgreSQL too).
 */
class AppImageIT {

    private static Path launcher;
    private static String pathWithoutJava;

    @TempDir
    static Path home;

    @BeforeAll
    static void findImage() {
        Path image = Path.of(System.getProperty("walbridge.appImage", "target/app-image/WalBridge"));
        launcher = image.resolve("bin").resolve(isWindows() ? "WalBridge.exe" : "WalBridge");
        assertThat(launcher).as("the app image's launcher").isExecutable();
        assertThat(image.resolve(isWindows() ? "runtime" : "lib/runtime")).isDirectory();
    }

    @Test
    void printsItsVersionWithoutAJdk() throws Exception {
        Run run = run("--version");
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output.strip()).matches("WalBridge \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void checksATlsServerWithItsOwnRuntime() throws Exception {
        TestPki pki = TestPki.get();
        try (PgServer server = PgServer.start(b -> b.setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", pki.localhostCert.toString())
                .setServerConfig("ssl_key_file", pki.serverKey.toString()))) {
            String url = "postgresql://postgres@localhost:" + server.port() + "/postgres?sslmode=verify-full&sslrootcert="
                    + pki.caPem;
            Run run = run("check", "--source", url);
            assertThat(run.exitCode).as(run.output).isZero();
            assertThat(run.output).contains("ready: the source can be replicated")
                    .containsPattern("(?m)^PASS\\s+tls\\s+TLSv1\\.\\d, certificate verified with ca\\.pem");
            assertThat(run.output).doesNotContain("Exception");
        }
    }

    @Test
    void runsTheDemoToAnEqualCopyAndStopsItsServers() throws Exception {
        Run run = run("demo", "--scale", "0.01", "--rate", "50", "--until", "5s", "--large-every", "0");
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("equal: the destination holds exactly the source's rows",
                "demo: stopped; both servers are down");
        for (String role : List.of("source", "destination")) {
            assertThat(home.resolve("data/walbridge/demo").resolve(role).resolve("postmaster.pid")).doesNotExist();
        }
    }

    /** Runs the launcher with a PATH that has no {@code java} on it and without JAVA_HOME. */
    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("JDK_HOME");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("CLASSPATH");
        if (pathWithoutJava == null) {
            pathWithoutJava = pathWithoutJava(env.getOrDefault("PATH", ""));
        }
        env.put("PATH", pathWithoutJava);
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        Path out = Files.createTempFile(home, "run", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out));
    }

    /**
     * The PATH with every Java program taken out: a folder holding {@code java} (on Debian, /usr/bin links to the
     * JDK's tools) is replaced by a copy of its links without the ones that lead into a Java installation.
     */
    static String pathWithoutJava(String path) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            Path d = Path.of(dir.isBlank() ? "." : dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            if (!Files.exists(d.resolve("java")) && !Files.exists(d.resolve("java.exe"))) {
                kept.add(dir);
                continue;
            }
            Path copy = Files.createDirectories(home.resolve("path").resolve(String.valueOf(kept.size())));
            try (var entries = Files.list(d)) {
                for (Path entry : entries.toList()) {
                    if (!isJavaTool(entry)) {
                        Files.createSymbolicLink(copy.resolve(entry.getFileName().toString()), entry);
                    }
                }
            }
            kept.add(copy.toString());
        }
        String result = String.join(File.pathSeparator, kept);
        for (String dir : kept) {
            assertThat(Path.of(dir, "java")).as("no java left on the PATH").doesNotExist();
        }
        return result;
    }

    /** True for a program that lives in a Java installation (a folder that also holds {@code java}). */
    private static boolean isJavaTool(Path entry) {
        try {
            Path real = entry.toRealPath();
            Path parent = real.getParent();
            return entry.getFileName().toString().startsWith("java") || parent != null
                    && (Files.exists(parent.resolve("java")) || Files.exists(parent.resolve("java.exe")))
                    && !parent.equals(entry.getParent());
        } catch (IOException e) {
            return false; // a dangling link: harmless to leave out either way
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("windows");
    }

    private record Run(int exitCode, String output) {
    }
}
