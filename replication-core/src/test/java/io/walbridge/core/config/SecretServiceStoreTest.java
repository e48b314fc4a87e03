package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.testing.StandInKeyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link SecretServiceStore} driving a stand-in {@code secret-tool} in a child process (CI has no keyring). */
class SecretServiceStoreTest {

    private static final String PASSWORD = "Kc-Pässwörd €-\"quote' $HOME `x` ";

    @TempDir
    Path folder;

    @Test
    void storesReadsAndRemovesAPasswordExactlyWithoutPuttingItOnACommandLine() {
        StandInKeyring keyring = StandInKeyring.in(folder);
        SecretServiceStore store = new SecretServiceStore(keyring.command(), Duration.ofSeconds(30));

        store.put("shop.source.password", new Secret(PASSWORD));

        assertThat(keyring.item("shop.source.password")).contains(PASSWORD);
        assertThat(store.get("shop.source.password")).contains(new Secret(PASSWORD));
        assertThat(store.get("other.source.password")).isEmpty();
        store.remove("shop.source.password");
        store.remove("shop.source.password"); // removing what is gone is no failure
        assertThat(store.get("shop.source.password")).isEmpty();
        assertThat(keyring.keys()).isEmpty();
        assertThat(keyring.commandLines()).contains("store --label=WalBridge shop.source.password service walbridge key"
                + " shop.source.password").contains("lookup service walbridge key shop.source.password")
                .doesNotContain("Pässwörd");
    }

    @Test
    void anAbsentSecretRemovesTheItem() {
        StandInKeyring keyring = StandInKeyring.in(folder);
        SecretServiceStore store = new SecretServiceStore(keyring.command(), Duration.ofSeconds(30));
        store.put("k", new Secret("one"));

        store.put("k", Secret.NONE);

        assertThat(keyring.keys()).isEmpty();
    }

    @Test
    void aLockedKeyringFailsWithTheCauseAndBothFixes() {
        StandInKeyring keyring = StandInKeyring.in(folder);
        keyring.behave(StandInKeyring.Mode.LOCKED);
        SecretServiceStore store = new SecretServiceStore(keyring.command(), Duration.ofSeconds(30));

        UserFacingException e = catchThrowableOfType(() -> store.put("shop.source.password", new Secret(PASSWORD)),
                UserFacingException.class);

        assertThat(e.problem()).isEqualTo("the desktop keyring could not store the password 'shop.source.password':"
                + " secret-tool: Cannot create an item in a locked collection");
        assertThat(e.fix()).contains("unlock your keyring").contains("WALBRIDGE_SECRET_STORE=file");
        assertThat(catchThrowableOfType(() -> store.get("shop.source.password"), UserFacingException.class).problem())
                .startsWith("the desktop keyring could not read the password 'shop.source.password'");
    }

    @Test
    void aKeyringThatNeverAnswersIsGivenUpAfterTheTimeout() {
        StandInKeyring keyring = StandInKeyring.in(folder);
        keyring.behave(StandInKeyring.Mode.HANG);
        SecretServiceStore store = new SecretServiceStore(keyring.command(), Duration.ofSeconds(1));

        UserFacingException e = catchThrowableOfType(() -> store.get("k"), UserFacingException.class);

        assertThat(e.problem()).isEqualTo("the desktop keyring did not read the password 'k' within 1 s");
        assertThat(e.fix()).contains("unlock prompt may be waiting").contains("WALBRIDGE_SECRET_STORE=file");
    }

    @Test
    void aMissingToolIsNamedWithItsPackage() {
        SecretServiceStore store = new SecretServiceStore(List.of(folder.resolve("no-such-secret-tool").toString()),
                Duration.ofSeconds(5));

        UserFacingException e = catchThrowableOfType(() -> store.get("k"), UserFacingException.class);

        assertThat(e.problem()).startsWith("the desktop keyring cannot read the password 'k': secret-tool cannot be started");
        assertThat(e.fix()).contains("libsecret-tools").contains("WALBRIDGE_SECRET_STORE=file");
    }
}
