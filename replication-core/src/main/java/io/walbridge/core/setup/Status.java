package io.walbridge.core.setup;

/** The outcome of one stage. */
public enum Status {
    PASSED,
    /** Replication can work, but the user should know (no TLS, tables without a key, a certificate close to expiry). */
    WARNING,
    FAILED,
    /** Not run: an earlier blocking stage failed, or the run was cancelled. */
    SKIPPED
}
