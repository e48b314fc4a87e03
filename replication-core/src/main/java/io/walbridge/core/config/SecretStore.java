package io.walbridge.core.config;

import java.util.Optional;

/**
 * Where passwords live, apart from the pipeline files that name them: a saved pipeline holds only the key
 * of each secret, so the pipeline file can be shown, copied or committed without leaking one.
 */
public interface SecretStore {

    Optional<Secret> get(String key);

    /** Stores the secret under the key; an absent secret removes the key. */
    void put(String key, Secret secret);

    void remove(String key);

    /** Where the secrets are kept, in a few words for the user ("the desktop keyring (Secret Service)"). */
    String where();
}
