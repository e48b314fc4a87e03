package io.walbridge.core.pipeline;

import io.walbridge.core.ReplicationFailure;

/** The slot is missing although the destination already holds data read from it: changes may be lost. */
final class SlotGone extends ReplicationFailure {

    SlotGone(String slot, boolean canCopy) {
        super("replication slot \"" + slot + "\" no longer exists on the source, but the destination already holds"
                        + " data read from it: it was dropped, so changes made since then may be missing from the"
                        + " destination, and a new slot would not bring them back",
                canCopy ? "copy every table again with a new slot: walbridge run --source URL --target URL"
                        + " --publication NAME --slot " + slot + " --resnapshot all (it creates the slot)"
                        : "re-create the slot (walbridge setup --slot " + slot + ") and reload the destination from the"
                        + " source; this destination takes no table copies", false, null);
    }
}
