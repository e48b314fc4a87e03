package io.walbridge.core.monitor;

/** What an alert is about. */
public enum AlertKind {
    /** The slot holds more WAL than the threshold allows. */
    WAL_RETAINED,
    /** The consumer is further behind than the threshold allows. */
    LAG,
    /** No consumer has used the slot for longer than the threshold. */
    INACTIVE,
    /** wal_status 'unreserved': the next checkpoint may remove WAL the slot still needs. */
    WAL_UNRESERVED,
    /** wal_status 'lost': the server removed WAL the slot needed; the slot is unusable. */
    SLOT_LOST,
    /** The WalBridge pipeline reading the slot stopped with an error. */
    PIPELINE_FAILED
}
