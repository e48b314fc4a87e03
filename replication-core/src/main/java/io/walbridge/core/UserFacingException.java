package io.walbridge.core;

/**
 * A failure a user can act on: what is wrong, and what to do about it. Caught once at the edge
 * (CLI or view-model) and shown as two lines; never shown as a stack trace.
 */
public class UserFacingException extends RuntimeException {

    private final String fix;

    public UserFacingException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public UserFacingException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    public String problem() {
        return getMessage();
    }

    /** What the user can do; may be empty when nothing but a retry helps. */
    public String fix() {
        return fix == null ? "" : fix;
    }
}
