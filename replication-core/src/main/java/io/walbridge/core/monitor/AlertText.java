package io.walbridge.core.monitor;

import io.walbridge.core.sql.Sql;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The words of the alerts about one slot: what is wrong with the figures, and the fix to run. */
final class AlertText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SlotStatus slot;
    private final SourceSlots source;

    AlertText(SlotStatus slot, SourceSlots source) {
        this.slot = slot;
        this.source = source;
    }

    String inactive(Duration inactive) {
        return name() + " has had no consumer since " + TIME.format(slot.inactiveSince()) + " ("
                + HumanUnits.duration(inactive) + ") and holds " + retainedText() + " of WAL the server cannot remove";
    }

    String retained(String limit) {
        return name() + " holds " + retainedText() + " of WAL, " + limit;
    }

    String lag(Duration behind) {
        String bytes = slot.lagBytes() == null ? "" : " (" + HumanUnits.bytes(slot.lagBytes()) + " of WAL not yet confirmed)";
        return name() + " is " + HumanUnits.duration(behind) + " behind" + bytes;
    }

    String unreserved() {
        return name() + " has wal_status 'unreserved': it needs more WAL than max_slot_wal_keep_size ("
                + HumanUnits.bytes(source.maxSlotWalKeepSize()) + ") keeps, so the next checkpoint can remove it"
                + " and invalidate the slot";
    }

    String lost() {
        return name() + " is lost (wal_status 'lost'): the server removed WAL it still needed, so its consumer"
                + " cannot continue and the changes it missed cannot be streamed any more";
    }

    String pipelineFailed(String failure) {
        return "the WalBridge pipeline reading slot '" + slot.name() + "' stopped: " + failure;
    }

    String startOrDrop() {
        return "start its consumer again so it catches up; if nothing uses the slot any more, drop it to free "
                + retainedText() + " — " + dropStatement();
    }

    String slowFix() {
        String hint = switch (slot.engine()) {
            case WALBRIDGE -> "see the log of 'walbridge run': the destination may be slow or failing";
            case DEBEZIUM -> "check the connector's status; on a source whose captured tables are idle, set"
                    + " heartbeat.interval.ms (and heartbeat.action.query) so the slot can advance";
            case SUBSCRIBER -> "check the subscriber server's log and pg_stat_subscription";
            default -> "check that the consumer is running and confirming what it has processed";
        };
        return "its consumer (" + consumer() + ") is not confirming fast enough: " + hint;
    }

    String unreservedFix() {
        long mb = Math.max(1, (slot.retainedBytes() == null ? 0 : slot.retainedBytes()) * 2 / (1 << 20) + 1);
        return "get its consumer reading now so it catches up, or give the slot room: ALTER SYSTEM SET"
                + " max_slot_wal_keep_size = '" + mb + "MB'; SELECT pg_reload_conf();";
    }

    String lostFix() {
        return "drop the slot (" + dropStatement() + "), create it again and take a new initial snapshot of the"
                + " tables (re-snapshot); to keep it from happening again, raise max_slot_wal_keep_size or alert earlier";
    }

    String pipelineFix(String fix) {
        return fix == null || fix.isBlank() ? "see the log of 'walbridge run' for the cause, then restart it" : fix;
    }

    private String name() {
        String engine = slot.engine() == ConsumerEngine.UNKNOWN ? "" : " (" + slot.engine().displayName() + ")";
        return "slot '" + slot.name() + "'" + engine;
    }

    private String retainedText() {
        return HumanUnits.bytes(slot.retainedBytes() == null ? 0 : slot.retainedBytes());
    }

    private String consumer() {
        StringBuilder sb = new StringBuilder(slot.engine().displayName());
        if (slot.activePid() != null) {
            sb.append(", pid ").append(slot.activePid());
        }
        if (slot.clientAddress() != null) {
            sb.append(", from ").append(slot.clientAddress());
        }
        return sb.toString();
    }

    /** A logical slot can only be dropped from the database it was created in. */
    private String dropStatement() {
        String where = slot.isLogical() && slot.database() != null ? "in database '" + slot.database() + "': " : "";
        return where + "SELECT pg_drop_replication_slot(" + Sql.literal(slot.name()) + ");";
    }
}
