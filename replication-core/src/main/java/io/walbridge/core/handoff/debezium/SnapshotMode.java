package io.walbridge.core.handoff.debezium;

/** The Debezium PostgreSQL connector's {@code snapshot.mode} values WalBridge offers, with what each means. */
public enum SnapshotMode {
    INITIAL("initial", "copy the tables' current rows, then stream changes (Debezium's default)"),
    NO_DATA("no_data", "stream changes only, from the slot's position; no copy of existing rows"),
    WHEN_NEEDED("when_needed", "copy when no offsets are stored or the stored position is no longer in the slot");

    private final String value;
    private final String meaning;

    SnapshotMode(String value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    /** The value for {@code snapshot.mode}. */
    public String value() {
        return value;
    }

    public String meaning() {
        return meaning;
    }

    public static SnapshotMode of(String value) {
        for (SnapshotMode m : values()) {
            if (m.value.equals(value)) {
                return m;
            }
        }
        return INITIAL;
    }

    @Override
    public String toString() {
        return value;
    }
}
