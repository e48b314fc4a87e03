package io.walbridge.core.setup;

import io.walbridge.core.config.Secret;
import org.postgresql.util.PasswordUtil;

import java.security.SecureRandom;

/**
 * The dedicated login setup creates, with its generated password. The password is shown once to the caller;
 * the server and the SQL script only ever see its SCRAM-SHA-256 verifier, so no statement text, server log
 * or saved script holds it.
 */
public record NewLogin(RoleName role, Secret password, String scramVerifier) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    // 24 characters from 57 symbols: about 140 bits, and nothing a URL or shell would need to escape
    private static final int LENGTH = 24;

    public static NewLogin generate(RoleName role, SecureRandom random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        String password = new String(chars);
        // PasswordUtil may clear the array it is given; it gets its own copy
        return new NewLogin(role, new Secret(password), PasswordUtil.encodeScramSha256(password.toCharArray()));
    }

    @Override
    public String toString() {
        return "NewLogin[role=" + role + ", password=" + password + "]";
    }
}
