package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.testing.StandInKeyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An upgrade to the keyring loses no password saved in the file, and leaves none behind in it. */
class MigratingSecretStoreTest {

    @TempDir
    Path config;
    @TempDir
    Path keyringFolder;

    private FileSecretStore file() {
        return new FileSecretStore(config.resolve("secrets.properties"));
    }

    private MigratingSecretStore store(StandInKeyring keyring) {
        return new MigratingSecretStore(new SecretServiceStore(keyring.command(), Duration.ofSeconds(30)), file());
    }

    @Test
    void aPasswordSavedInTheFileIsReadAndMovedIntoTheKeyring() throws Exception {
        file().put("shop.source.password", new Secret("old-file-pw"));
        file().put("shop.destination.password", new Secret("other-pw"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        assertThat(store(keyring).get("shop.source.password")).contains(new Secret("old-file-pw"));

        assertThat(keyring.item("shop.source.password")).contains("old-file-pw");
        assertThat(Files.readString(file().file())).doesNotContain("old-file-pw").contains("other-pw");
        assertThat(store(keyring).get("shop.source.password")).as("now read from the keyring")
                .contains(new Secret("old-file-pw"));
    }

    @Test
    void theKeyringWinsOverAnOlderCopyInTheFile() {
        file().put("k", new Secret("stale"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        new SecretServiceStore(keyring.command(), Duration.ofSeconds(30)).put("k", new Secret("current"));

        assertThat(store(keyring).get("k")).contains(new Secret("current"));
    }

    @Test
    void savingGoesToTheKeyringAndTakesTheFilesCopyAway() throws Exception {
        file().put("k", new Secret("before-upgrade"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);

        store(keyring).put("k", new Secret("after-upgrade"));

        assertThat(keyring.item("k")).contains("after-upgrade");
        assertThat(Files.readString(file().file())).doesNotContain("before-upgrade").doesNotContain("after-upgrade");
    }

    @Test
    void aKeyringThatCannotBeReadIsReportedNotHidden() {
        file().put("k", new Secret("in-file"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        keyring.behave(StandInKeyring.Mode.LOCKED);

        assertThat(catchThrowableOfType(() -> store(keyring).get("k"), UserFacingException.class).fix())
                .contains("unlock your keyring");
    }

    @Test
    void removingTakesTheKeyFromBoth() {
        file().put("k", new Secret("in-file"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        new SecretServiceStore(keyring.command(), Duration.ofSeconds(30)).put("k", new Secret("in-keyring"));

        store(keyring).remove("k");

        assertThat(keyring.keys()).isEmpty();
        assertThat(file().get("k")).isEmpty();
        assertThat(store(keyring).get("k")).isEmpty();
    }

    @Test
    void aPasswordThatCannotBeMovedIsStillReadAndStaysInTheFile() {
        file().put("k", new Secret("kept-in-file"));
        StandInKeyring keyring = StandInKeyring.in(keyringFolder);
        MigratingSecretStore store = store(keyring);
        // the keyring answers "not found" for the lookup, then refuses the new item
        keyring.behave(StandInKeyring.Mode.REFUSES_STORE);

        assertThat(store.get("k")).contains(new Secret("kept-in-file"));

        assertThat(file().get("k")).contains(new Secret("kept-in-file"));
    }
}
