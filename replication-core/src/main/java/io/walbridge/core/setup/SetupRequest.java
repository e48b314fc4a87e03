package io.walbridge.core.setup;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked setup to make: a publication over the chosen tables, a pgoutput slot, and optionally a
 * dedicated least-privilege login and REPLICA IDENTITY FULL for tables without a primary key.
 */
public record SetupRequest(PublicationName publication, SlotName slot, TableSelection tables,
                           Optional<RoleName> dedicatedUser, boolean replicaIdentityFull) {

    public SetupRequest {
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(dedicatedUser, "dedicatedUser");
    }

    public static SetupRequest of(String publication, String slot, String tables) {
        return new SetupRequest(new PublicationName(publication), new SlotName(slot), TableSelection.parse(tables),
                Optional.empty(), false);
    }

    public SetupRequest withDedicatedUser(String role) {
        return new SetupRequest(publication, slot, tables, Optional.of(new RoleName(role)), replicaIdentityFull);
    }

    public SetupRequest withReplicaIdentityFull() {
        return new SetupRequest(publication, slot, tables, dedicatedUser, true);
    }
}
