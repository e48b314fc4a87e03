package io.walbridge.app.monitor;

import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertKind;
import io.walbridge.core.monitor.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts become events only when they change: one notification when raised, one when cleared, none in between. */
class AlertCenterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final List<String> shown = new ArrayList<>();
    private final AlertCenter center = new AlertCenter((severity, title, text) ->
            shown.add((severity == null ? "cleared" : severity.name()) + ": " + text));

    private static Alert retained(String slot, String figure) {
        return new Alert(slot, AlertKind.WAL_RETAINED, Severity.WARNING, "slot '" + slot + "' holds " + figure, "drop it");
    }

    @Test
    void notifiesWhenAnAlertIsRaisedAndWhenItClearsNotOnEveryPoll() {
        center.update("db:5432", List.of(retained("a", "11 GB")), T0);
        center.update("db:5432", List.of(retained("a", "12 GB")), T0.plusSeconds(1));
        center.update("db:5432", List.of(retained("a", "13 GB")), T0.plusSeconds(2));
        assertThat(shown).containsExactly("WARNING: slot 'a' holds 11 GB");
        assertThat(center.activeFor("db:5432", "a")).singleElement().extracting(Alert::message).isEqualTo("slot 'a' holds 13 GB");

        center.update("db:5432", List.of(), T0.plusSeconds(3));
        assertThat(shown).hasSize(2).last().asString().startsWith("cleared: cleared: retained WAL alert of slot 'a'");
        assertThat(center.events()).extracting(EventLine::text).containsExactly(
                "db:5432: cleared: retained WAL alert of slot 'a'", "db:5432: slot 'a' holds 11 GB");
        assertThat(center.events().get(1).fix()).isEqualTo("drop it");
    }

    @Test
    void aSourceThatCannotBeReadKeepsItsAlertsAndOtherSourcesAreUntouched() {
        center.update("db:5432", List.of(retained("a", "11 GB")), T0);
        center.update("other:5432", List.of(retained("a", "20 GB")), T0);
        center.update("db:5432", List.of(), T0.plusSeconds(1), false);
        assertThat(center.active()).hasSize(2);

        center.update("db:5432", List.of(), T0.plusSeconds(2));
        assertThat(center.active()).singleElement().extracting(Alert::message).isEqualTo("slot 'a' holds 20 GB");
    }
}
