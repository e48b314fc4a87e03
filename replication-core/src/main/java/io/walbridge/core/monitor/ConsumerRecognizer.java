package io.walbridge.core.monitor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which program reads a slot from what the server shows: the consumer's application_name while
 * it is connected, else the slot's name and plugin. The names are each tool's defaults, so a slot
 * named by hand may stay {@link ConsumerEngine#UNKNOWN}.
 */
public final class ConsumerRecognizer {

    /** Recognises by names only, with no slot known to be WalBridge's beyond its default names. */
    public static final ConsumerRecognizer DEFAULT = new ConsumerRecognizer(Set.of());

    // a subscription's initial table copy uses slots named pg_<suboid>_sync_<relid>_<sysid>
    private static final Pattern TABLESYNC_SLOT = Pattern.compile("pg_\\d+_sync_\\d+_\\d+");

    private final Set<String> ownSlots;

    /** @param ownSlots slots WalBridge's own pipelines read, whatever their names */
    public ConsumerRecognizer(Set<String> ownSlots) {
        this.ownSlots = Set.copyOf(ownSlots);
    }

    public ConsumerEngine recognize(String slotName, String slotType, String plugin, String applicationName) {
        String slot = lower(slotName);
        String app = lower(applicationName);
        if (app.startsWith("walbridge") || ownSlots.contains(slotName) || slot.startsWith("walbridge")) {
            return ConsumerEngine.WALBRIDGE;
        }
        // Debezium's connections call themselves "Debezium Streaming"; its default slot name is "debezium"
        if (app.startsWith("debezium") || slot.startsWith("debezium")) {
            return ConsumerEngine.DEBEZIUM;
        }
        if (app.contains("datastream") || slot.contains("datastream")) {
            return ConsumerEngine.DATASTREAM;
        }
        // pgstream init names its slot pgstream_<dbname>_slot unless told otherwise
        if (app.contains("pgstream") || slot.startsWith("pgstream")) {
            return ConsumerEngine.PGSTREAM;
        }
        if ("physical".equals(slotType)) {
            return ConsumerEngine.STANDBY;
        }
        // a subscription's apply worker connects with application_name = subscription name, which is
        // also the default slot name; a walreceiver without its own name calls itself "walreceiver"
        boolean pgoutput = "pgoutput".equals(plugin);
        if (pgoutput && (app.equals(slot) || app.equals("walreceiver") || TABLESYNC_SLOT.matcher(slot).matches())) {
            return ConsumerEngine.SUBSCRIBER;
        }
        return ConsumerEngine.UNKNOWN;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
