package io.walbridge.app.monitor;

import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.SourceSlots;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The monitor's figures as people read them: {@code 1.2 GB}, {@code 3 s}, {@code 1,234/s}, {@code 12 ms}. */
public final class FigureText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FigureText() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String perSecond(long n) {
        return count(n) + "/s";
    }

    public static String bytesPerSecond(long bytes) {
        return HumanUnits.bytes(bytes) + "/s";
    }

    /** {@code 850 ms}, {@code 1.2 s}, {@code 3 min}. */
    public static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return HumanUnits.duration(Duration.ofMillis(ms));
    }

    public static String seconds(long s) {
        return HumanUnits.duration(Duration.ofSeconds(s));
    }

    /** A time of day, with the date when it is not today. */
    public static String when(Instant t, Instant now, ZoneId zone) {
        if (t == null) {
            return "–";
        }
        boolean today = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DAY_TIME).format(t.atZone(zone)) + " (" + HumanUnits.duration(Duration.between(t, now))
                + " ago)";
    }

    /** WAL retained, against max_slot_wal_keep_size when the server has one. */
    public static String retained(SlotStatus slot, SourceSlots poll) {
        if (slot == null || slot.retainedBytes() == null) {
            return "–";
        }
        String held = HumanUnits.bytes(slot.retainedBytes());
        if (!poll.keepSizeLimited()) {
            return held + " (max_slot_wal_keep_size: unlimited)";
        }
        long keep = poll.maxSlotWalKeepSize();
        return String.format(Locale.ROOT, "%s of %s max_slot_wal_keep_size (%.0f%%)", held, HumanUnits.bytes(keep),
                keep == 0 ? 0.0 : 100.0 * slot.retainedBytes() / keep);
    }

    public static String safeWalSize(SlotStatus slot, SourceSlots poll) {
        if (slot == null) {
            return "–";
        }
        if (slot.safeWalSize() != null) {
            return HumanUnits.bytes(slot.safeWalSize());
        }
        // PostgreSQL reports NULL both for "no limit" and for lost slots; before 13 it has no such column
        return poll.serverVersion() >= 130_000 && !poll.keepSizeLimited() && !slot.isLost() ? "unlimited" : "–";
    }
}
