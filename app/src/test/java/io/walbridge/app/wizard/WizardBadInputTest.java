package io.walbridge.app.wizard;

import io.walbridge.app.BadInputs;
import io.walbridge.app.BadInputs.BadInput;
import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.Problem;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.start.StartViewModel;
import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.MisconfiguredServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input matrix ({@link BadInputs}) in the wizard, through its view-models: the connection test's
 * checklist fails the right stage with the check's words and a fix, the replication setup shows the problem and
 * makes nothing, malformed fields block Next with the reason, and a damaged saved pipeline is named.
 */
class WizardBadInputTest {

    @TempDir
    Path config;

    /** Connection problems the form can express (the wizard has no field for a local address or --ca flag). */
    static Stream<BadInput> connectionRows() {
        return BadInputs.forSurface("check").filter(r -> r.expected.get("check").exitCode() == 1
                && r.options.isEmpty() && !r.source.contains("localSocketAddress"));
    }

    /** Setup refusals that are not about command-line syntax. */
    static Stream<BadInput> setupRows() {
        return BadInputs.forSurface("setup").filter(r -> r.expected.get("setup").exitCode() == 1
                && r.server != null && r.options.isEmpty() && !r.source.contains("localSocketAddress"));
    }

    private WizardViewModel wizard(String url) {
        PipelineDraft draft = new PipelineDraft();
        fill(draft.source, PgEndpoint.parse(url));
        return new WizardViewModel(draft, TestServices.sameThread(config));
    }

    private static void fill(EndpointForm form, PgEndpoint e) {
        form.host.set(e.host());
        form.port.set(String.valueOf(e.port()));
        form.database.set(e.database());
        form.user.set(e.user());
        form.password.set(e.password().isPresent() ? e.password().value() : "");
        form.sslMode.set(e.sslMode());
        String ca = e.params().get("sslrootcert");
        form.caFile.set(ca == null ? null : Path.of(ca));
    }

    private static Stage stage(String label) {
        return Arrays.stream(Stage.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static void assertShownWithoutTrace(String text) {
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Wrong-Pass-456");
    }

    @ParameterizedTest(name = "source connection test: {0}")
    @MethodSource("connectionRows")
    void theConnectionChecklistFailsTheRightStageWithCauseAndFix(BadInput in) {
        WizardViewModel w = wizard(in.source);
        List<String> expected = in.expected.get("check").words();

        w.source().testConnection();

        ConnectionTestViewModel test = w.source().test();
        assertThat(test.problem.get()).as("the test itself ran").isNull();
        Stage failing = stage(expected.get(0).substring("FAIL  ".length()));
        ChecklistRow row = test.rows().stream().filter(r -> r.stage() == failing).findFirst().orElseThrow();
        String shown = row.summary.get() + "\n" + row.cause.get() + "\n" + row.fix.get();
        assertThat(row.status.get()).as(shown).isEqualTo(RowStatus.FAILED);
        assertThat(shown).contains(expected.subList(1, expected.size()));
        assertThat(row.fix.get()).as("a fix").isNotBlank();
        assertShownWithoutTrace(shown);
        assertThat(test.outcome.get()).startsWith("not ready");
        assertThat(w.canGoNext().get()).as("Next stays possible (the network and CA steps help fix it)").isTrue();
        BadInputs.assertNothingMade(in);
    }

    @ParameterizedTest(name = "replication setup: {0}")
    @MethodSource("setupRows")
    void theReplicationSetupShowsTheProblemAndMakesNothing(BadInput in) {
        WizardViewModel w = wizard(in.source);
        w.draft().tables.add(new TableId("public", "t"));
        w.draft().publication.set(in.publicationForSetup());
        w.draft().slot.set(in.slot);
        ReplicationPlanViewModel plan = w.replication().plan();
        plan.createLogin.set(in.createLogin);
        plan.loginName.set(in.role);
        plan.setSlotQuestion(slot -> SlotQuestion.Answer.REUSE);

        in.prepare();
        try {
            plan.run();
        } finally {
            in.cleanUp();
        }

        Problem shown = plan.problem.get();
        assertThat(shown).as("a problem is shown; log: %s", plan.log).isNotNull();
        assertThat(shown.text()).contains(in.expected.get("setup").words());
        assertThat(shown.fix()).as("a fix").isNotBlank();
        assertShownWithoutTrace(shown.text());
        assertThat(plan.done.get()).isFalse();
        assertThat(w.replication().blocker().get()).as("Next waits for a setup that worked").isNotEmpty();
        BadInputs.assertNothingMade(in);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "host|postgresql://db.example.com/shop|enter only the host name",
            "host|db.example.com:5432|enter only the host name",
            "host|''|enter the server's host name",
            "port|0|a port is a number from 1 to 65535",
            "port|99999|a port is a number from 1 to 65535",
            "port|5432; DROP TABLE x|a port is a number from 1 to 65535",
            "database|''|enter the database name",
            "user|''|enter the user to log in as",
            "destination host|mysql://db/shop|destination: enter only the host name",
            "destination port|-1|destination: a port is a number from 1 to 65535",
            "slot|My-Slot|is not a valid replication slot name",
            "slot|x'); DROP TABLE t; --|is not a valid replication slot name",
            "publication|''|the publication name is empty",
            "login|pg_admin|reserved"})
    void malformedFieldsBlockNextWithTheReason(String field, String value, String reason) {
        WizardViewModel w = wizard("postgresql://postgres@localhost:" + BadInputs.SOURCE.port() + "/postgres?sslmode=disable");
        PipelineDraft d = w.draft();
        fill(d.destination, PgEndpoint.parse(BadInputs.TARGET.url("postgres")));
        d.tables.add(new TableId("public", "t"));
        int step = 0;
        switch (field) {
            case "host" -> d.source.host.set(value);
            case "port" -> d.source.port.set(value);
            case "database" -> d.source.database.set(value);
            case "user" -> d.source.user.set(value);
            case "destination host" -> { d.destination.host.set(value); step = w.steps().indexOf(w.destination()); }
            case "destination port" -> { d.destination.port.set(value); step = w.steps().indexOf(w.destination()); }
            case "slot" -> { d.slot.set(value); step = 3; }
            case "publication" -> { d.publication.set(value); step = 3; }
            case "login" -> {
                w.replication().plan().createLogin.set(true);
                w.replication().plan().loginName.set(value);
                step = 3;
            }
            default -> throw new IllegalArgumentException(field);
        }
        w.index.set(step);

        assertThat(w.blocker().get()).contains(reason);
        assertThat(w.canGoNext().get()).isFalse();
    }

    @Test
    void aWrongSslModeTypedIntoTheFormIsAProblemNotACrash() {
        WizardViewModel w = wizard("postgresql://postgres@localhost:" + BadInputs.SOURCE.port() + "/postgres");
        w.draft().source.sslMode.set("verify-everything");

        w.source().testConnection();

        assertThat(w.source().test().problem.get().text()).contains("sslmode 'verify-everything' is not one of")
                .contains("verify-full");
    }

    @Test
    void aDestinationThatRefusesThePasswordFailsItsTestAndTheStart() {
        String wrong = "postgresql://" + MisconfiguredServer.USER + ":Wrong-Pass-456@localhost:"
                + MisconfiguredServer.shared().port() + "/postgres?sslmode=disable";
        String db = BadInputs.SOURCE.freshDatabase();
        BadInputs.SOURCE.exec(db, "CREATE TABLE t (id int PRIMARY KEY)");
        WizardViewModel w = new WizardViewModel(new PipelineDraft(), TestServices.with(new SameThreadRunner(), config,
                new InProcessEngine()));
        fill(w.draft().source, BadInputs.SOURCE.endpoint(db));
        fill(w.draft().destination, PgEndpoint.parse(wrong));
        w.draft().tables.add(new TableId("public", "t"));
        w.draft().slot.set("wiz_bad_dest_" + db);
        w.draft().publication.set("pub_" + db);

        w.destination().testConnection();
        ChecklistRow auth = w.destination().test().rows().stream().filter(r -> r.stage() == Stage.AUTHENTICATE)
                .findFirst().orElseThrow();
        assertThat(auth.status.get()).isEqualTo(RowStatus.FAILED);
        assertThat(auth.summary.get()).contains("rejected the password for user 'alice'");

        w.review().entered();
        w.review().start();
        Problem shown = w.review().problem.get();
        assertThat(shown.problem()).startsWith("destination: the server rejected the password for user 'alice'");
        assertThat(shown.fix()).contains("ALTER ROLE");
        assertShownWithoutTrace(shown.text());
        assertThat(w.review().started.get()).as("no engine started").isNull();
        assertThat(BadInputs.SOURCE.scalar(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'wiz_bad_dest_"
                + db + "'")).as("no slot made").isEqualTo("0");
    }

    @Test
    void aDamagedSavedPipelineIsNamedOnTheStartScreenAndTheOthersStillOpen() throws Exception {
        Path pipelines = Files.createDirectories(config.resolve("pipelines"));
        Files.writeString(pipelines.resolve("broken.json"), "{ \"name\": \"broken\", \"source\": ");
        Files.writeString(pipelines.resolve("good.json"), "{ \"name\": \"good\", \"slot\": \"s\", \"tables\": [] }");
        StartViewModel start = new StartViewModel(TestServices.sameThread(config));

        start.refresh();

        assertThat(start.pipelines).extracting(p -> p.name()).containsExactly("good");
        assertThat(start.problem.get().problem()).startsWith("a saved pipeline file cannot be read: ")
                .contains("broken.json");
        assertThat(start.problem.get().fix()).contains("delete the file");
        assertShownWithoutTrace(start.problem.get().text());
    }
}
