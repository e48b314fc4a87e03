package io.walbridge.core.handoff.datastream;

import java.util.regex.Pattern;

/** POSIX shell quoting for the gcloud commands WalBridge writes out. */
final class Shell {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** The word as is when the shell reads it unchanged, else in single quotes (a ' becomes '\''). */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
