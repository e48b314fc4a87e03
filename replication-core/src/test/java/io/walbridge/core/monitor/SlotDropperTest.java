package io.walbridge.core.monitor;

import io.walbridge.core.UserFacingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dropping slots on a real server: only inactive ones, from whichever database the user connected to. */
class SlotDropperTest {

    @Test
    void dropsAnInactiveSlotFromAnotherDatabaseAndSaysWhatItFreed() throws Exception {
        try (SlotFixture f = new SlotFixture()) {
            String slot = f.logicalSlot("wbmon_drop");
            f.writeWal(10_000);

            // connected to "postgres", not to the slot's database: the dropper switches over
            long freed = new SlotDropper(f.server.endpoint("postgres")).drop(slot);

            assertThat(freed).isGreaterThan(1_000_000);
            assertThat(f.server.scalar(f.db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void refusesASlotAConsumerIsReading() throws Exception {
        try (SlotFixture f = new SlotFixture()) {
            String slot = f.logicalSlot("wbmon_busy");
            f.consume(slot, "Debezium Streaming");

            assertThatThrownBy(() -> new SlotDropper(f.endpoint()).drop(slot))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.problem()).matches("slot '" + slot + "' is in use by process \\d+ \\('Debezium Streaming'\\);"
                                + " dropping it would cut off that consumer and lose its position");
                        assertThat(e.fix()).startsWith("stop the consumer first, then drop the slot");
                    });
            assertThat(f.server.scalar(f.db, "SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'"))
                    .isEqualTo("t");
        }
    }

    @Test
    void aMissingSlotIsNamed() throws Exception {
        try (SlotFixture f = new SlotFixture()) {
            assertThatThrownBy(() -> new SlotDropper(f.endpoint()).drop("no_such_slot_here"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("there is no replication slot named 'no_such_slot_here' on " + f.endpoint().display());
        }
    }
}
