package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses where this machine keeps passwords: the desktop keyring when it works right now (a test password stored,
 * read back and cleared), else the owner-only secrets file. {@code WALBRIDGE_SECRET_STORE=file} forces the file.
 */
public final class SecretStores {

    public static final String OVERRIDE = "WALBRIDGE_SECRET_STORE";
    public static final String FILE_NAME = "secrets.properties";
    /** Long enough for someone to answer the keyring's unlock prompt. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    /** The store in use and why it was chosen (for the log and the docs' troubleshooting; never holds a secret). */
    public record Choice(SecretStore store, String reason) {
    }

    /** Probes the keyring by running {@code secret-tool}: call it off the JavaFX thread. */
    public static Choice forThisMachine(Path configFolder) {
        Choice c = choose(configFolder, System.getenv(), System.getProperty("os.name", ""), List.of("secret-tool"),
                PROBE_TIMEOUT);
        LOG.info("passwords are kept in {}: {}", c.store().where(), c.reason());
        return c;
    }

    /** The choice for a given environment, system and keyring tool; tests pass their own. */
    public static Choice choose(Path configFolder, Map<String, String> env, String osName, List<String> tool,
                                Duration probeTimeout) {
        FileSecretStore file = new FileSecretStore(configFolder.resolve(FILE_NAME));
        String override = env.getOrDefault(OVERRIDE, "").strip().toLowerCase(Locale.ROOT);
        if (override.equals("file")) {
            return new Choice(file, OVERRIDE + "=file");
        }
        if (!override.isEmpty() && !override.equals("auto")) {
            return new Choice(file, OVERRIDE + "=" + env.get(OVERRIDE) + " is neither file nor auto, so the file is"
                    + " used; unset it or set it to auto to use the desktop keyring");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            // macOS's `security` tool takes the password as an argument, which other users can read in `ps`
            return new Choice(file, "the macOS Keychain is not used by this build");
        }
        if (os.contains("windows")) {
            return new Choice(file, "the Windows Credential Manager is not used by this build");
        }
        SecretServiceStore probe = new SecretServiceStore(tool, probeTimeout);
        Optional<String> problem = problemOf(probe);
        if (problem.isPresent()) {
            return new Choice(file, "the desktop keyring is not usable: " + problem.get());
        }
        return new Choice(new MigratingSecretStore(new SecretServiceStore(tool, CALL_TIMEOUT), file),
                "the desktop keyring stored, read back and removed a test password");
    }

    /** Why the keyring cannot keep secrets right now, or nothing when a test password makes the round trip. */
    static Optional<String> problemOf(SecretStore keychain) {
        SecureRandom random = new SecureRandom();
        String key = "walbridge.probe." + HexFormat.of().formatHex(bytes(random, 6));
        Secret dummy = new Secret("probe-" + HexFormat.of().formatHex(bytes(random, 16)));
        try {
            keychain.put(key, dummy);
            try {
                if (!keychain.get(key).map(Secret::value).equals(Optional.of(dummy.value()))) {
                    return Optional.of("a test password stored in it did not read back the same");
                }
            } finally {
                keychain.remove(key);
            }
            return Optional.empty();
        } catch (UserFacingException e) {
            return Optional.of(e.problem());
        }
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
