package io.walbridge.core.config;

import io.walbridge.core.testing.StandInKeyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which store a machine gets: the keyring only when a test password makes the round trip right now, else the file. */
class SecretStoresTest {

    private static final Duration PROBE = Duration.ofSeconds(20);

    @TempDir
    Path config;
    @TempDir
    Path keyringFolder;

    private SecretStores.Choice choose(StandInKeyring keyring, Map<String, String> env, String os, Duration probe) {
        return SecretStores.choose(config, env, os, keyring.command(), probe);
    }

    @Test
    void aWorkingKeyringIsChosenAndTheProbeLeavesNothingBehind() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        SecretStores.Choice c = choose(keyring, Map.of(), "Linux", PROBE);

        assertThat(c.store()).isInstanceOf(MigratingSecretStore.class);
        assertThat(c.store().where()).isEqualTo("the desktop keyring (Secret Service)");
        assertThat(c.reason()).isEqualTo("the desktop keyring stored, read back and removed a test password");
        assertThat(keyring.commandLines()).contains("store ").contains("lookup ").contains("clear ");
        assertThat(keyring.keys()).as("the probe's test password is removed again").isEmpty();
        c.store().put("p.source.password", new Secret("pw-1"));
        assertThat(keyring.item("p.source.password")).contains("pw-1");
        assertThat(config.resolve(SecretStores.FILE_NAME)).doesNotExist();
    }

    @Test
    void aLockedKeyringFallsBackToTheFileAndSaysWhy() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        keyring.behave(StandInKeyring.Mode.LOCKED);

        SecretStores.Choice c = choose(keyring, Map.of(), "Linux", PROBE);

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).startsWith("the desktop keyring is not usable: the desktop keyring could not store")
                .endsWith("Cannot create an item in a locked collection");
        c.store().put("p.source.password", new Secret("pw-1"));
        assertThat(((FileSecretStore) c.store()).file()).isEqualTo(config.resolve("secrets.properties"));
        assertThat(c.store().get("p.source.password")).contains(new Secret("pw-1"));
    }

    @Test
    void aKeyringThatNeverAnswersFallsBackAfterTheProbeTimeout() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        keyring.behave(StandInKeyring.Mode.HANG);

        SecretStores.Choice c = choose(keyring, Map.of(), "Linux", Duration.ofSeconds(1));

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).contains("did not store the password").contains("within 1 s");
    }

    @Test
    void aKeyringThatGivesBackSomethingElseIsNotTrusted() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        keyring.behave(StandInKeyring.Mode.GARBLED);

        SecretStores.Choice c = choose(keyring, Map.of(), "Linux", PROBE);

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).endsWith("a test password stored in it did not read back the same");
        assertThat(keyring.keys()).as("removed even so").isEmpty();
    }

    @Test
    void noSecretToolMeansTheFile() {
        SecretStores.Choice c = SecretStores.choose(config, Map.of(), "Linux",
                List.of(keyringFolder.resolve("secret-tool").toString()), PROBE);

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).contains("secret-tool cannot be started");
    }

    @Test
    void theOverrideForcesTheFileWithoutTouchingTheKeyring() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        SecretStores.Choice c = choose(keyring, Map.of("WALBRIDGE_SECRET_STORE", "File"), "Linux", PROBE);

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).isEqualTo("WALBRIDGE_SECRET_STORE=file");
        assertThat(keyring.commandLines()).isEmpty();
        assertThat(choose(keyring, Map.of("WALBRIDGE_SECRET_STORE", "auto"), "Linux", PROBE).store())
                .isInstanceOf(MigratingSecretStore.class);
    }

    @Test
    void anUnknownOverrideKeepsTheFileAndNamesTheValues() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        SecretStores.Choice c = choose(keyring, Map.of("WALBRIDGE_SECRET_STORE", "kwallet"), "Linux", PROBE);

        assertThat(c.store()).isInstanceOf(FileSecretStore.class);
        assertThat(c.reason()).isEqualTo("WALBRIDGE_SECRET_STORE=kwallet is neither file nor auto, so the file is used;"
                + " unset it or set it to auto to use the desktop keyring");
        assertThat(keyring.commandLines()).isEmpty();
    }

    @Test
    void macOsAndWindowsKeepTheFile() {
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        assertThat(choose(keyring, Map.of(), "Mac OS X", PROBE).reason())
                .isEqualTo("the macOS Keychain is not used by this build");
        assertThat(choose(keyring, Map.of(), "Windows 11", PROBE).reason())
                .isEqualTo("the Windows Credential Manager is not used by this build");
        assertThat(keyring.commandLines()).isEmpty();
    }
}
