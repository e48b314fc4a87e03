package io.walbridge.core.setup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupNamesTest {

    @Test
    void slotNamesFollowTheServersRuleBeforeAnyConnection() {
        assertThat(new SlotName("walbridge_slot_1").value()).isEqualTo("walbridge_slot_1");
        assertThat(new SlotName("s".repeat(63)).value()).hasSize(63);
        for (String bad : new String[]{"", "Upper", "with-dash", "x'; drop", "s".repeat(64), "café"}) {
            assertThatThrownBy(() -> new SlotName(bad)).as(bad).isInstanceOf(SetupRefused.class)
                    .hasMessageContaining("is not a valid replication slot name");
        }
        assertThatThrownBy(() -> new SlotName("My-Slot")).extracting(e -> ((SetupRefused) e).fix())
                .isEqualTo("choose a name like my_slot");
    }

    @Test
    void publicationNamesMayBeAnythingThatFitsIn63Bytes() {
        assertThat(new PublicationName("pub \"x\"; DROP TABLE y; --").value()).isEqualTo("pub \"x\"; DROP TABLE y; --");
        assertThat(new PublicationName("é".repeat(31)).value()).hasSize(31);
        assertThatThrownBy(() -> new PublicationName("é".repeat(32))).isInstanceOf(SetupRefused.class)
                .hasMessageContaining("is 64 bytes long; PostgreSQL keeps at most 63");
        assertThatThrownBy(() -> new PublicationName("")).isInstanceOf(SetupRefused.class);
        assertThatThrownBy(() -> new PublicationName("a\0b")).isInstanceOf(SetupRefused.class);
    }

    @Test
    void roleNamesReservedByTheServerAreRefused() {
        assertThat(new RoleName("Public").value()).isEqualTo("Public");
        assertThatThrownBy(() -> new RoleName("public")).isInstanceOf(SetupRefused.class);
        assertThatThrownBy(() -> new RoleName("pg_monitor")).isInstanceOf(SetupRefused.class);
    }
}
