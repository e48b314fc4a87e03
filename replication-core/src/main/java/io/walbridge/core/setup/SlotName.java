package io.walbridge.core.setup;

import java.util.regex.Pattern;

/** A replication slot name, checked here because the server only checks it after connecting. */
public record SlotName(String value) {

    // the server's own rule (ReplicationSlotValidateName): NAMEDATALEN - 1 bytes of [a-z0-9_]
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,63}");

    public SlotName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new SetupRefused("'" + value + "' is not a valid replication slot name: slot names use only lowercase"
                    + " letters, digits and underscores, at most 63 characters",
                    "choose a name like " + suggestion(value));
        }
    }

    private static String suggestion(String value) {
        String s = value == null ? "" : value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = "walbridge_slot";
        }
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    @Override
    public String toString() {
        return value;
    }
}
