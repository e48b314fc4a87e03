package io.walbridge.app.cli;

import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.HumanUnits;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.monitor.SourceSlots;
import io.walbridge.core.source.PgEndpoint;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Prints {@code walbridge status}: a header line, one aligned line per slot, then the alerts with their fixes. */
final class StatusPrinter {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> HEADER =
            List.of("SLOT", "PLUGIN", "ENGINE", "STATE", "RETAINED", "LAG", "WAL_STATUS", "SAFE_WAL_SIZE");

    private final PrintWriter out;

    StatusPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(PgEndpoint source, SourceSlots slots, List<Alert> alerts) {
        out.println("Source " + source.display() + ": PostgreSQL " + version(slots.serverVersion()) + ", WAL at "
                + (slots.currentLsn() == null ? "unknown" : slots.currentLsn()) + ", max_slot_wal_keep_size "
                + (slots.keepSizeLimited() ? HumanUnits.bytes(slots.maxSlotWalKeepSize()) : "unlimited"));
        if (slots.slots().isEmpty()) {
            out.println("no replication slots");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            for (SlotStatus s : slots.slots()) {
                rows.add(row(s, slots));
            }
            table(rows);
        }
        if (alerts.isEmpty()) {
            out.println("no alerts");
            return;
        }
        out.println(alerts.size() == 1 ? "1 alert:" : alerts.size() + " alerts:");
        for (Alert a : alerts) {
            out.printf("%-9s %s%n", a.severity(), a.message());
            out.printf("%-9s fix: %s%n", "", a.fix());
        }
    }

    private static List<String> row(SlotStatus s, SourceSlots source) {
        return List.of(s.name(), orDash(s.plugin()), s.engine().displayName(), state(s, source),
                s.retainedBytes() == null ? "-" : HumanUnits.bytes(s.retainedBytes()),
                s.lagBytes() == null ? "-" : HumanUnits.bytes(s.lagBytes()),
                orDash(s.walStatus()), safeWalSize(s, source));
    }

    private static String state(SlotStatus s, SourceSlots source) {
        if (s.active()) {
            StringBuilder sb = new StringBuilder("active");
            if (s.activePid() != null) {
                sb.append(" pid ").append(s.activePid());
            }
            if (s.applicationName() != null && !s.applicationName().isBlank()) {
                sb.append(" '").append(s.applicationName()).append('\'');
            }
            if (s.clientAddress() != null) {
                sb.append(" from ").append(s.clientAddress());
            }
            return sb.toString();
        }
        return s.inactiveFor(source.takenAt())
                .map(d -> "inactive since " + TIME.format(s.inactiveSince()) + " (" + HumanUnits.duration(d) + ")")
                .orElse("inactive");
    }

    private static String safeWalSize(SlotStatus s, SourceSlots source) {
        if (s.safeWalSize() != null) {
            return HumanUnits.bytes(s.safeWalSize());
        }
        // PostgreSQL reports NULL both for "no limit" and for lost slots; before 13 it has no such column
        return source.serverVersion() >= 130_000 && !source.keepSizeLimited() && !s.isLost() ? "unlimited" : "-";
    }

    private void table(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + widths[i] + "s  ", r.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** server_version_num 170011 is "17.11"; before 10 it was three parts (90624 is "9.6.24"). */
    static String version(int v) {
        return v >= 100_000 ? v / 10_000 + "." + v % 10_000 : v / 10_000 + "." + v / 100 % 100 + "." + v % 100;
    }
}
