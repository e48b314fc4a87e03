package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Severity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the event log.
 *
 * @param severity the alert's severity when raised; null for a cleared alert or a notice
 * @param fix      what to do; empty for notices
 */
public record EventLine(Instant time, Severity severity, String text, String fix) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code 2026-12-07 14:02:11  WARNING  slot 'x' …}, in the machine's time zone. */
    public String display(ZoneId zone) {
        String level = severity == null ? "info" : severity.name();
        return TIME.format(time.atZone(zone)) + "  " + level + "  " + text + (fix.isEmpty() ? "" : "\n    fix: " + fix);
    }
}
