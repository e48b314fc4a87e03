package io.walbridge.core.monitor;

/**
 * One active problem of one slot.
 *
 * @param message what is wrong, with the figures that show it
 * @param fix     what to do about it, with statements the user can run as written
 */
public record Alert(String slot, AlertKind kind, Severity severity, String message, String fix) {
}
