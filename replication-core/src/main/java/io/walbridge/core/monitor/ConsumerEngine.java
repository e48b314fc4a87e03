package io.walbridge.core.monitor;

/** Which program reads a replication slot, as far as the server lets us tell. */
public enum ConsumerEngine {
    WALBRIDGE("WalBridge"),
    DEBEZIUM("Debezium"),
    DATASTREAM("Google Datastream"),
    PGSTREAM("pgstream"),
    /** A PostgreSQL logical-replication subscription (CREATE SUBSCRIPTION on another server). */
    SUBSCRIBER("PostgreSQL subscriber"),
    /** A physical standby's walreceiver. */
    STANDBY("PostgreSQL standby"),
    UNKNOWN("unknown");

    private final String displayName;

    ConsumerEngine(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
