package io.walbridge.core.monitor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The alert rules on their own, with slot values a server would rarely produce on demand. */
class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final Alerts defaults = new Alerts(AlertThresholds.DEFAULTS);

    @Test
    void retentionAlertsPastTenGigabytesWithoutAKeepLimit() {
        SlotStatus small = Slots.active("small", 10L << 30, null, null);
        SlotStatus big = Slots.active("big", (10L << 30) + 1, null, null);

        List<Alert> fired = defaults.evaluate(Slots.source(NOW, -1, small, big));

        assertThat(fired).extracting(Alert::slot, Alert::kind, Alert::severity)
                .containsExactly(tuple("big", AlertKind.WAL_RETAINED, Severity.WARNING));
        assertThat(fired.get(0).fix()).isEqualTo("its consumer (WalBridge, pid 4242, from 10.0.0.5) is not confirming"
                + " fast enough: see the log of 'walbridge run': the destination may be slow or failing");
    }

    @Test
    void retentionPastHalfTheKeepLimitIsCritical() {
        long keep = 1L << 30;
        List<Alert> fired = defaults.evaluate(Slots.source(NOW, keep,
                Slots.active("under", keep / 2, null, null), Slots.active("over", keep / 2 + 1, null, null)));

        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.slot()).isEqualTo("over");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.message()).isEqualTo("slot 'over' (WalBridge) holds 512 MB of WAL, 50% of max_slot_wal_keep_size"
                    + " (1.0 GB); at 100% the server invalidates the slot");
        });
    }

    @Test
    void dropStatementQuotesTheNameAsALiteral() {
        SlotStatus odd = Slots.inactive("o'brien", 1L << 40, NOW.minus(Duration.ofDays(2)));

        List<Alert> fired = defaults.evaluate(Slots.source(NOW, -1, odd));

        assertThat(fired).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.WAL_RETAINED, AlertKind.INACTIVE);
        assertThat(fired).allSatisfy(a -> assertThat(a.fix())
                .endsWith("drop it to free 1.0 TB — in database 'shop': SELECT pg_drop_replication_slot('o''brien');"));
        assertThat(fired).filteredOn(a -> a.kind() == AlertKind.INACTIVE).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("since 2026-11-18 12:00:00 UTC (2 d)"));
    }

    @Test
    void otherConsumersLagByTheServersFlushLag() {
        SlotStatus slow = Slots.active("slow", 0, Duration.ofMinutes(6), null);
        SlotStatus fine = Slots.active("fine", 0, Duration.ofMinutes(5), null);
        SlotStatus idle = Slots.active("idle", 0, null, null);

        assertThat(defaults.evaluate(Slots.source(NOW, -1, slow, fine, idle)))
                .extracting(Alert::slot, Alert::kind).containsExactly(tuple("slow", AlertKind.LAG));
    }

    @Test
    void pipelineLagCountsFromTheLaterOfUnconfirmedPollAndLastAppliedCommit() {
        SlotStatus behind = Slots.active("p", 0, null, NOW.minus(Duration.ofMinutes(20)));
        SlotStatus caughtUp = Slots.active("p", 0, null, null);

        assertThat(TimeBehind.of(behind, NOW, new PipelineHealth(null, null, null))).contains(Duration.ofMinutes(20));
        assertThat(TimeBehind.of(behind, NOW, new PipelineHealth(NOW.minus(Duration.ofMinutes(3)), null, null)))
                .contains(Duration.ofMinutes(3));
        assertThat(TimeBehind.of(caughtUp, NOW, new PipelineHealth(NOW.minus(Duration.ofDays(3)), null, null)))
                .as("idle source: the last commit is old, yet nothing is owed").contains(Duration.ZERO);
        assertThat(new Alerts(AlertThresholds.DEFAULTS, s -> Optional.of(new PipelineHealth(null, null, null)))
                .evaluate(Slots.source(NOW, -1, behind))).extracting(Alert::kind).containsExactly(AlertKind.LAG);
    }

    @Test
    void mostSevereFirst() {
        SlotStatus lost = new SlotStatus("a_lost", "pgoutput", "logical", "shop", false, null, null, null, null,
                null, null, null, "lost", null, null, null, ConsumerEngine.UNKNOWN, NOW.minus(Duration.ofDays(1)), null);
        SlotStatus idle = Slots.inactive("b_idle", 0, NOW.minus(Duration.ofHours(1)));

        assertThat(defaults.evaluate(Slots.source(NOW, -1, idle, lost))).extracting(Alert::slot, Alert::kind)
                .containsExactly(tuple("a_lost", AlertKind.SLOT_LOST),
                        tuple("b_idle", AlertKind.INACTIVE));
    }
}
