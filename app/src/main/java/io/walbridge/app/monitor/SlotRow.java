package io.walbridge.app.monitor;

/**
 * One replication slot as the slots view lists it, every figure already as text.
 *
 * @param consumer      who reads it: {@code active · pid 4821 · 'walbridge' from 10.0.4.17 · WalBridge}
 * @param inactiveSince since when WalBridge has seen it without a consumer ("" while active)
 * @param flagged       inactive and holding WAL: the slot that fills disks
 * @param alerts        the active alerts, each with its fix on the next line ("" when none)
 */
public record SlotRow(String name, String plugin, String type, String database, boolean active, String consumer,
                      String retained, long retainedBytes, String lag, String walStatus, String safeWalSize,
                      String inactiveSince, boolean flagged, String alerts) {
}
