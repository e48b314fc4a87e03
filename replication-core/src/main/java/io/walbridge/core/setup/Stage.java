package io.walbridge.core.setup;

/** The stages of the connection test, in the order they run; a failed blocking stage skips the rest. */
public enum Stage {
    RESOLVE("dns", "Host name resolves", true),
    CONNECT("tcp", "TCP connection", true),
    TLS("tls", "TLS and server certificate", true),
    AUTHENTICATE("auth", "Login", true),
    DATABASE("database", "Database exists", true),
    VERSION("version", "Server version and provider", true),
    WAL_LEVEL("wal_level", "wal_level is logical", false),
    CAPACITY("slots", "Free replication slots and WAL senders", false),
    PRIVILEGES("privileges", "Replication and SELECT privileges", false),
    REPLICA_IDENTITY("replica_identity", "Tables replicate updates and deletes", false);

    private final String label;
    private final String title;
    private final boolean blocking;

    Stage(String label, String title, boolean blocking) {
        this.label = label;
        this.title = title;
        this.blocking = blocking;
    }

    /** A short lower-case name for one-line output ({@code tls}, {@code wal_level}). */
    public String label() {
        return label;
    }

    /** A short title for a checklist row. */
    public String title() {
        return title;
    }

    /**
     * Whether later stages depend on this one. The server-setting stages do not block each other, so
     * one run shows every setting that needs fixing rather than one per run.
     */
    public boolean blocksLaterStages() {
        return blocking;
    }
}
