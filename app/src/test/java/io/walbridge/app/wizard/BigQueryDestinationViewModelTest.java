package io.walbridge.app.wizard;

import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 5 with BigQuery chosen, without a screen: field rules, the test against the stand-in, saving and starting. */
class BigQueryDestinationViewModelTest {

    private static final PgServer SOURCE = PgServer.shared("source");

    @TempDir
    Path config;

    private final BigQueryStandIn standIn = BigQueryStandIn.start();

    @AfterEach
    void close() {
        standIn.close();
    }

    private PipelineDraft draft(String sourceDb) {
        PipelineDraft d = new PipelineDraft();
        d.source.host.set("localhost");
        d.source.port.set(String.valueOf(SOURCE.port()));
        d.source.database.set(sourceDb);
        d.source.user.set("postgres");
        d.source.sslMode.set("disable");
        d.publication.set("pub_" + sourceDb);
        d.slot.set("slot_" + sourceDb);
        d.tables.add(new TableId("public", "orders"));
        d.destinationKind.set(DestinationKind.BIGQUERY);
        d.bigQuery.project.set("wizard-project");
        d.bigQuery.dataset.set("replica_" + sourceDb);
        d.bigQuery.location.set("EU");
        d.bigQuery.defaultCredentials.set(true);
        d.bigQuery.endpoints.set(standIn.endpoints());
        return d;
    }

    @Test
    void nextWaitsForAProjectADatasetAndAReadableKeyFile() throws Exception {
        WizardViewModel w = new WizardViewModel(draft("x"), TestServices.sameThread(config));
        DestinationStepViewModel step = w.destination();
        assertThat(step.blocker().get()).isEmpty();
        step.bigQuery().project.set("My Project");
        assertThat(step.blocker().get()).startsWith("BigQuery: enter the Google Cloud project ID");
        step.bigQuery().project.set("my-project");
        step.bigQuery().dataset.set("bad-name");
        assertThat(step.blocker().get()).contains("dataset name");
        step.bigQuery().dataset.set("replica");
        step.bigQuery().defaultCredentials.set(false);
        assertThat(step.blocker().get()).contains("JSON key file");
        step.bigQuery().keyFile.set(config.resolve("missing.json").toString());
        assertThat(step.blocker().get()).contains("does not exist");
        Path key = Files.writeString(config.resolve("key.json"), "{}");
        step.bigQuery().keyFile.set(key.toString());
        step.bigQuery().staleness.set("soon");
        assertThat(step.blocker().get()).contains("maximum staleness");
        step.bigQuery().staleness.set("30m");
        assertThat(step.blocker().get()).isEmpty();
    }

    @Test
    void theTestProvesTheDatasetCanBeWrittenAndLeavesNoProbeBehind() {
        PipelineDraft d = draft("probe");
        DestinationStepViewModel step = new WizardViewModel(d, TestServices.sameThread(config)).destination();
        step.testBigQuery();
        assertThat(step.bigQueryProblem.get()).isNull();
        assertThat(step.bigQueryLines).hasSize(3).allMatch(l -> l.startsWith("✔"));
        assertThat(step.bigQueryOutcome.get()).contains("credentials work and the dataset can be written");
        assertThat(standIn.tables("wizard-project", "replica_probe")).isEmpty();
    }

    @Test
    void aKeyFileThatIsNotAKeyFailsTheTestWithItsFixAndNeverShowsItsContents() throws Exception {
        PipelineDraft d = draft("badkey");
        Path key = Files.writeString(config.resolve("key.json"), "{\"private_key\": \"TOP-SECRET\"}");
        d.bigQuery.endpoints.set(io.walbridge.core.sink.bigquery.BigQueryEndpoints.GOOGLE);
        d.bigQuery.defaultCredentials.set(false);
        d.bigQuery.keyFile.set(key.toString());
        DestinationStepViewModel step = new WizardViewModel(d, TestServices.sameThread(config)).destination();
        step.testBigQuery();
        assertThat(step.bigQueryLines).singleElement().asString().startsWith("✖ credentials");
        assertThat(step.bigQueryProblem.get().text()).contains("cannot be used").contains("Fix:")
                .doesNotContain("TOP-SECRET");
    }

    @Test
    void theSavedPipelineKeepsTheKeyPathOnlyAndReopens() throws Exception {
        PipelineDraft d = draft("save");
        Path key = Files.writeString(config.resolve("key.json"), "{\"private_key\": \"TOP-SECRET\"}");
        d.bigQuery.defaultCredentials.set(false);
        d.bigQuery.keyFile.set(key.toString());
        WizardViewModel w = new WizardViewModel(d, TestServices.sameThread(config));
        w.review().entered();
        assertThat(w.review().summary.get()).contains("BigQuery wizard-project.replica_save (EU), key file " + key);
        w.review().save();
        assertThat(w.review().problem.get()).isNull();
        String json = Files.readString(config.resolve("pipelines/slot_save.json"));
        assertThat(json).contains("\"destinationKind\" : \"bigquery\"").contains(key.toString()).doesNotContain("TOP-SECRET");
        SavedPipeline saved = TestServices.sameThread(config).pipelines().load("slot_save");
        PipelineDraft reopened = PipelineDraft.of(saved, TestServices.sameThread(config).secrets());
        assertThat(reopened.destinationKind.get()).isEqualTo(DestinationKind.BIGQUERY);
        assertThat(reopened.bigQuery.keyFile.get()).isEqualTo(key.toString());
        assertThat(reopened.bigQuery.location.get()).isEqualTo("EU");
        assertThat(reopened.bigQuery.defaultCredentials.get()).isFalse();
    }

    @Test
    void startRunsABigQueryPipelineInThisProcess() throws Exception {
        String src = SOURCE.freshDatabase();
        SOURCE.exec(src, "CREATE TABLE orders (id int PRIMARY KEY, note text)",
                "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 100) g");
        PipelineDraft d = draft(src);
        WizardViewModel w = new WizardViewModel(d, TestServices.with(new SameThreadRunner(), config, new InProcessEngine()));
        w.replication().plan().run();
        assertThat(w.replication().plan().problem.get()).isNull();
        w.review().entered();
        w.review().start();
        Pipeline pipeline = w.review().started.get();
        assertThat(w.review().problem.get()).isNull();
        try {
            pipeline.stopWhenCaughtUpTo(SourcePosition.current(d.source.toEndpoint()));
            assertThat(pipeline.awaitTermination(Duration.ofSeconds(90))).isTrue();
            assertThat(pipeline.metrics().state()).as(pipeline.metrics().failure()).isEqualTo(PipelineState.STOPPED);
            assertThat(standIn.table("wizard-project", "replica_" + src, "public_orders").rowCount()).isEqualTo(100);
        } finally {
            pipeline.stop();
            SOURCE.exec(src, "SELECT pg_drop_replication_slot('slot_" + src + "')");
        }
    }
}
