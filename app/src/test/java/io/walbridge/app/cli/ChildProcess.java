package io.walbridge.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code walbridge} in a separate JVM, as users do, so tests can kill it or read all of its output. */
final class ChildProcess {

    final Process process;
    final Path output;

    private ChildProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildProcess start(String... args) throws IOException {
        return startWithJvmOptions(List.of(), args);
    }

    static ChildProcess startWithJvmOptions(List<String> jvmOptions, String... args) throws IOException {
        return start(jvmOptions, Map.of(), args);
    }

    /** A child whose environment has these variables added (e.g. XDG folders pointing into a test's own folder). */
    static ChildProcess startWithEnvironment(Map<String, String> environment, String... args) throws IOException {
        return start(List.of(), environment, args);
    }

    private static ChildProcess start(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.walbridge.app.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("walbridge-cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        return new ChildProcess(p, out);
    }

    /** Runs the shaded jar as users do ({@code java -jar walbridge.jar …}). */
    static ChildProcess startJar(Path jar, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("walbridge-jar", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new ChildProcess(p, out);
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    void killHard() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no clean close
        process.waitFor();
    }

    /** Asks the process to stop as Ctrl-C would (SIGTERM: shutdown hooks run) and waits for it. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }
}
