package io.walbridge.core.monitor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which program reads a slot from what the server shows: the consumer's application_name while
 * it is connected (a consumer naming itself beats any guess from the slot's name), else what saved pipelines
 * say about the slot (its own, or handed to Debezium or Datastream), else the slot's name and plugin. The names
 * are each tool's defaults, so a slot named by hand may stay {@link ConsumerEngine#UNKNOWN}.
 */
public final class ConsumerRecognizer {

    /** Recognises by names only, with no slot known to be WalBridge's beyond its default names. */
    public static final ConsumerRecognizer DEFAULT = new ConsumerRecognizer(Set.of(), Map.of());

    // a subscription's initial table copy uses slots named pg_<suboid>_sync_<relid>_<sysid>
    private static final Pattern TABLESYNC_SLOT = Pattern.compile("pg_\\d+_sync_\\d+_\\d+");

    private final Set<String> ownSlots;
    private final Map<String, ConsumerEngine> handedOff;

    /** @param ownSlots slots WalBridge's own pipelines read, whatever their names */
    public ConsumerRecognizer(Set<String> ownSlots) {
        this(ownSlots, Map.of());
    }

    /**
     * @param ownSlots  slots WalBridge's own pipelines read, whatever their names
     * @param handedOff slots WalBridge prepared and handed to another engine, with that engine
     */
    public ConsumerRecognizer(Set<String> ownSlots, Map<String, ConsumerEngine> handedOff) {
        this.ownSlots = Set.copyOf(ownSlots);
        this.handedOff = Map.copyOf(handedOff);
    }

    public ConsumerEngine recognize(String slotName, String slotType, String plugin, String applicationName) {
        String slot = lower(slotName);
        String app = lower(applicationName);
        ConsumerEngine named = byApplicationName(app);
        if (named != ConsumerEngine.UNKNOWN) {
            return named;
        }
        if (handedOff.containsKey(slotName)) {
            return handedOff.get(slotName);
        }
        if (ownSlots.contains(slotName) || slot.startsWith("walbridge")) {
            return ConsumerEngine.WALBRIDGE;
        }
        // Debezium's default slot name is "debezium"; Google's guides name theirs datastream_slot
        if (slot.startsWith("debezium")) {
            return ConsumerEngine.DEBEZIUM;
        }
        if (slot.contains("datastream")) {
            return ConsumerEngine.DATASTREAM;
        }
        // pgstream init names its slot pgstream_<dbname>_slot unless told otherwise
        if (slot.startsWith("pgstream")) {
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

    /** What a connected consumer calls itself: Debezium's replication connection is "Debezium Streaming". */
    private static ConsumerEngine byApplicationName(String app) {
        if (app.startsWith("walbridge")) {
            return ConsumerEngine.WALBRIDGE;
        }
        if (app.startsWith("debezium")) {
            return ConsumerEngine.DEBEZIUM;
        }
        if (app.contains("datastream")) {
            return ConsumerEngine.DATASTREAM;
        }
        if (app.contains("pgstream")) {
            return ConsumerEngine.PGSTREAM;
        }
        return ConsumerEngine.UNKNOWN;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
