package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the desktop keyring (the freedesktop Secret Service of GNOME Keyring, KeePassXC, KWallet) through
 * libsecret's {@code secret-tool}. Each item carries the attributes {@code service=walbridge} and {@code key=<key>}.
 * A secret goes to the tool on its standard input and comes back on its standard output: never on a command line,
 * which every user of the machine can read in {@code ps}.
 */
public final class SecretServiceStore implements SecretStore {

    /** {@code secret-tool} exits 1 with nothing on stderr when no item matches: that is "absent", not a failure. */
    private static final int NOT_FOUND = 1;
    static final String SERVICE = "walbridge";

    private final List<String> tool;
    private final Duration timeout;

    /** @param tool the command that runs {@code secret-tool} (tests pass a stand-in); @param timeout per call */
    public SecretServiceStore(List<String> tool, Duration timeout) {
        this.tool = List.copyOf(tool);
        this.timeout = timeout;
    }

    @Override
    public Optional<Secret> get(String key) {
        Outcome out = run("read", key, null, "lookup", "service", SERVICE, "key", key);
        if (out.exit() == 0) {
            // secret-tool adds a line break only when its output is a terminal: the bytes are the secret
            return Optional.of(new Secret(out.stdout()));
        }
        if (out.notFound()) {
            return Optional.empty();
        }
        throw failed("read", key, out.stderr());
    }

    @Override
    public void put(String key, Secret secret) {
        if (secret == null || !secret.isPresent()) {
            remove(key);
            return;
        }
        Outcome out = run("store", key, secret, "store", "--label=WalBridge " + key, "service", SERVICE, "key", key);
        if (out.exit() != 0) {
            throw failed("store", key, secret.scrub(out.stderr()));
        }
    }

    @Override
    public void remove(String key) {
        Outcome out = run("remove", key, null, "clear", "service", SERVICE, "key", key);
        if (out.exit() != 0 && !out.notFound()) {
            throw failed("remove", key, out.stderr());
        }
    }

    @Override
    public String where() {
        return "the desktop keyring (Secret Service)";
    }

    private record Outcome(int exit, String stdout, String stderr) {
        boolean notFound() {
            return exit == NOT_FOUND && stderr.isBlank();
        }
    }

    private Outcome run(String action, String key, Secret input, String... arguments) {
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of(arguments));
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UserFacingException("the desktop keyring cannot " + action + " the password '" + key
                    + "': secret-tool cannot be started (" + e.getMessage() + ")",
                    "install secret-tool (package libsecret-tools), or set WALBRIDGE_SECRET_STORE=file to keep"
                            + " passwords in a file only you can read", e);
        }
        // both streams are read while the tool runs, so neither can fill its pipe and stall it
        CompletableFuture<String> stdout = readAsync(p.getInputStream());
        CompletableFuture<String> stderr = readAsync(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.value().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the tool ended before reading its input: its exit code and stderr say why
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                throw new UserFacingException("the desktop keyring did not " + action + " the password '" + key
                        + "' within " + timeout.toSeconds() + " s",
                        "unlock your keyring (an unlock prompt may be waiting) and try again, or set"
                                + " WALBRIDGE_SECRET_STORE=file to keep passwords in a file only you can read");
            }
            return new Outcome(p.exitValue(), stdout.get(5, TimeUnit.SECONDS), stderr.get(5, TimeUnit.SECONDS).strip());
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new UserFacingException("reading the desktop keyring was interrupted", "try again");
        } catch (ExecutionException | TimeoutException e) {
            stop(p);
            throw failed(action, key, "its output could not be read");
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "secret-tool-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static UserFacingException failed(String action, String key, String why) {
        String reason = why.isBlank() ? "" : ": " + firstLine(why);
        return new UserFacingException("the desktop keyring could not " + action + " the password '" + key + "'" + reason,
                "unlock your keyring (GNOME Keyring, KWallet) and try again, or set WALBRIDGE_SECRET_STORE=file to"
                        + " keep passwords in a file only you can read");
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
