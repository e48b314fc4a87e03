package io.walbridge.core.monitor;

/** How urgent an alert is: CRITICAL means data or the slot is at risk now. */
public enum Severity {
    WARNING,
    CRITICAL
}
