package io.walbridge.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stand-in for {@code secret-tool} for machines without a Secret Service (CI): a real child process (a bash script)
 * with the tool's command line, exit codes and streams, keeping items as files in a test's folder. It logs every
 * command line it gets, so tests can prove no secret is ever passed as an argument. The real tool is tested by
 * {@code SecretServiceLiveTest} where a keyring runs.
 */
public final class StandInKeyring {

    /** How the stand-in behaves: working, locked, refusing only new items, never answering, garbling. */
    public enum Mode { WORKING, LOCKED, REFUSES_STORE, HANG, GARBLED }

    private final Path folder;
    private final Path script;

    private StandInKeyring(Path folder, Path script) {
        this.folder = folder;
        this.script = script;
    }

    /** A working stand-in keeping its items under the folder. */
    public static StandInKeyring in(Path folder) {
        try (InputStream in = StandInKeyring.class.getResourceAsStream("stand-in-secret-tool.sh")) {
            Files.createDirectories(folder);
            Path script = folder.resolve("secret-tool.sh");
            Files.write(script, in.readAllBytes());
            return new StandInKeyring(folder, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs it, in place of {@code secret-tool}. */
    public List<String> command() {
        return List.of("bash", script.toString(), folder.toString());
    }

    public void behave(Mode mode) {
        write(folder.resolve("mode"), mode.name().toLowerCase(Locale.ROOT));
    }

    /** The secret kept under a key, as the stand-in stored it. */
    public Optional<String> item(String key) {
        Path item = folder.resolve("items").resolve(key);
        try {
            return Files.exists(item) ? Optional.of(Files.readString(item, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of all items it holds. */
    public List<String> keys() {
        Path items = folder.resolve("items");
        if (!Files.isDirectory(items)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(items)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every command line it was started with, one a line. */
    public String commandLines() {
        Path log = folder.resolve("argv.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
