package io.walbridge.core.config;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a REAL Secret Service through the real {@code secret-tool}; skipped where none is usable (CI, a desktop with
 * a locked keyring). To run it on a headless Debian/Ubuntu machine: install {@code libsecret-tools gnome-keyring
 * dbus-x11}, then run Maven inside
 * {@code dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; mvn ...'}.
 */
class SecretServiceLiveTest {

    private static final List<String> TOOL = List.of("secret-tool");
    private static final String PASSWORD = "Live-Kc-Pässwörd €-\"q' $HOME ";
    private final String key = "walbridge.live-test." + ProcessHandle.current().pid();

    @TempDir
    Path config;

    private static Optional<String> problem;

    /** Each test, not the class, is skipped: Surefire then counts and names the skipped tests. */
    @BeforeEach
    void onlyWhereAKeyringRuns() {
        if (problem == null) {
            problem = SecretStores.problemOf(new SecretServiceStore(TOOL, Duration.ofSeconds(15)));
        }
        Assumptions.assumeTrue(problem.isEmpty(), () -> "no usable Secret Service here: " + problem.orElse(""));
    }

    @Test
    void storesReadsAndRemovesAPasswordInTheRealKeyring() {
        SecretServiceStore store = new SecretServiceStore(TOOL, Duration.ofSeconds(30));
        try {
            store.put(key, new Secret(PASSWORD));
            assertThat(store.get(key)).contains(new Secret(PASSWORD));
            store.put(key, new Secret(PASSWORD + "2"));
            assertThat(store.get(key)).as("a second save replaces the item").contains(new Secret(PASSWORD + "2"));
        } finally {
            store.remove(key);
        }
        assertThat(store.get(key)).isEmpty();
        store.remove(key);
    }

    @Test
    void thisMachineGetsTheKeyringAndAPasswordFromTheFileMovesIntoIt() throws Exception {
        FileSecretStore file = new FileSecretStore(config.resolve(SecretStores.FILE_NAME));
        file.put(key, new Secret(PASSWORD));

        SecretStores.Choice c = SecretStores.choose(config, Map.of(), System.getProperty("os.name"), TOOL,
                Duration.ofSeconds(15));
        try {
            assertThat(c.store().where()).isEqualTo("the desktop keyring (Secret Service)");
            assertThat(c.store().get(key)).contains(new Secret(PASSWORD));
            assertThat(Files.readString(file.file())).doesNotContain("Live-Kc");
            assertThat(new SecretServiceStore(TOOL, Duration.ofSeconds(30)).get(key)).contains(new Secret(PASSWORD));
        } finally {
            c.store().remove(key);
        }
    }
}
