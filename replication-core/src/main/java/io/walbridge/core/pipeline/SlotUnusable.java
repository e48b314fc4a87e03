package io.walbridge.core.pipeline;

import io.walbridge.core.ReplicationFailure;

/** The pipeline's slot cannot be used as it is; carrying on would lose changes, so it stops with the remedy. */
final class SlotUnusable extends ReplicationFailure {

    private SlotUnusable(String problem, String fix) {
        super(problem, fix, false, null);
    }

    /** The slot is missing although the destination already holds data read from it: it was dropped. */
    static SlotUnusable gone(String slot, boolean canCopy) {
        return new SlotUnusable("replication slot \"" + slot + "\" no longer exists on the source, but the destination"
                + " already holds data read from it: it was dropped, so changes made since then may be missing from"
                + " the destination, and a new slot would not bring them back",
                canCopy ? "copy every table again with a new slot: walbridge run --source URL --target URL"
                        + " --publication NAME --slot " + slot + " --resnapshot all (it creates the slot)"
                        : "re-create the slot (walbridge setup --slot " + slot + ") and reload the destination from"
                        + " the source; this destination takes no table copies");
    }

    /** A slot of that name exists but decodes with another plugin: it was made for another consumer. */
    static SlotUnusable wrongPlugin(String slot, String plugin) {
        return new SlotUnusable("slot \"" + slot + "\" uses plugin " + plugin + "; WalBridge needs pgoutput",
                "choose another --slot name, or if nothing else uses it, drop it with SELECT"
                        + " pg_drop_replication_slot('" + slot + "');");
    }
}
