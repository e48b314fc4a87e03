package io.walbridge.core.config;

/** A password or key that never shows itself in logs, messages or {@code toString()}. */
public record Secret(String value) {

    public static final Secret NONE = new Secret(null);

    public boolean isPresent() {
        return value != null && !value.isEmpty();
    }

    /** Removes every occurrence of this secret from a text before it is shown or logged. */
    public String scrub(String text) {
        if (text == null || !isPresent()) {
            return text;
        }
        return text.replace(value, "*****");
    }

    @Override
    public String toString() {
        return isPresent() ? "*****" : "(none)";
    }
}
