package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The keychain, with the secrets file an earlier version (or a machine without a keyring) left behind: a password
 * still in the file is read from there and moved into the keychain, so an upgrade loses no saved password, and each
 * save or removal takes the file's copy away.
 */
public final class MigratingSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(MigratingSecretStore.class);

    private final SecretStore keychain;
    private final FileSecretStore file;

    public MigratingSecretStore(SecretStore keychain, FileSecretStore file) {
        this.keychain = keychain;
        this.file = file;
    }

    @Override
    public synchronized Optional<Secret> get(String key) {
        Optional<Secret> kept = keychain.get(key);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<Secret> old = file.get(key);
        old.filter(Secret::isPresent).ifPresent(secret -> moveToKeychain(key, secret));
        return old;
    }

    /** Reading must not fail because moving failed: the password then stays where it was, in the private file. */
    private void moveToKeychain(String key, Secret secret) {
        try {
            keychain.put(key, secret);
            file.remove(key);
        } catch (UserFacingException e) {
            LOG.warn("the password '{}' stays in {} for now: {}", key, file.file(), e.problem());
        }
    }

    @Override
    public synchronized void put(String key, Secret secret) {
        // keychain first: if it fails, the file's copy (if any) is still there
        keychain.put(key, secret);
        file.remove(key);
    }

    @Override
    public synchronized void remove(String key) {
        keychain.remove(key);
        file.remove(key);
    }

    @Override
    public String where() {
        return keychain.where();
    }
}
