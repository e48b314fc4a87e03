package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.FileSecretStore;
import io.walbridge.core.config.PipelineStore;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.handoff.HandoffEngine;
import io.walbridge.core.handoff.datastream.DatastreamClient;
import io.walbridge.core.handoff.datastream.DatastreamStandIn;
import io.walbridge.core.handoff.datastream.GoogleAccessTokens;
import io.walbridge.core.setup.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine step without a screen: the choice, the steps it skips, the Debezium configuration and the Datastream
 * requests made from the draft, saving, Connect failures, and Create in Google Cloud against the local stand-in.
 * Debezium on a real Kafka Connect worker is proved in handoff-it.
 */
class EngineStepViewModelTest {

    private static final String PASSWORD = "Reader-Secret-7";

    @TempDir
    Path config;

    private WizardViewModel wizard() {
        PipelineDraft d = new PipelineDraft();
        d.source.host.set("db.example.com");
        d.source.port.set("5432");
        d.source.database.set("shop");
        d.source.user.set("walbridge_reader");
        d.source.password.set(PASSWORD);
        d.source.sslMode.set("verify-full");
        d.source.caFile.set(TestPki.get().caPem);
        d.publication.set("shop_pub");
        d.slot.set("shop_slot");
        d.tables.add(new TableId("public", "orders"));
        return new WizardViewModel(d, TestServices.sameThread(config));
    }

    /** Moves to the engine step (the earlier steps need servers; their rules are tested elsewhere). */
    private static EngineStepViewModel atEngine(WizardViewModel w) {
        w.index.set(w.steps().indexOf(w.engine()));
        w.engine().entered();
        return w.engine();
    }

    @Test
    void handingOffSkipsTheDestinationAndSavesTheEngineForTheMonitor() throws Exception {
        WizardViewModel w = wizard();
        EngineStepViewModel engine = atEngine(w);

        engine.choose(HandoffEngine.DEBEZIUM);
        assertThat(w.blocker().get()).isEmpty();
        w.next();
        assertThat(w.current()).isSameAs(w.review());
        w.back();
        assertThat(w.current()).isSameAs(engine);

        w.next();
        w.review().entered();
        assertThat(w.review().summary.get()).contains("Debezium on Kafka Connect, connector shop-slot");
        assertThat(w.review().startable.get()).isFalse();
        w.review().save();
        String saved = Files.readString(config.resolve("pipelines/shop_slot.json"));
        assertThat(saved).contains("\"engine\" : \"debezium\"").contains("\"connectorName\" : \"shop-slot\"")
                .doesNotContain(PASSWORD);

        SavedPipeline loaded = w.draft().toSaved();
        PipelineDraft reopened = PipelineDraft.of(new PipelineStore(config).load("shop_slot"),
                new FileSecretStore(config.resolve("secrets.properties")));
        assertThat(reopened.engine.get()).isEqualTo(HandoffEngine.DEBEZIUM);
        assertThat(reopened.debezium.toSettings()).isEqualTo(loaded.debezium());

        engine.choose(HandoffEngine.IN_APP);
        w.back();
        assertThat(w.current()).as("in this app: the destination applies again").isSameAs(w.destination());
        w.back();
        assertThat(w.current()).isSameAs(engine);
    }

    @Test
    void theDebeziumConfigurationFollowsTheDraftAndIsSavedWithoutThePassword() throws Exception {
        EngineStepViewModel engine = atEngine(wizard());
        engine.choose(HandoffEngine.DEBEZIUM);
        DebeziumHandoffViewModel d = engine.debezium();

        assertThat(d.configJson.get()).contains("\"slot.name\" : \"shop_slot\"")
                .contains("\"publication.name\" : \"shop_pub\"").contains("\"database.user\" : \"walbridge_reader\"")
                .contains("\"database.sslrootcert\" : \"" + TestPki.get().caPem.toAbsolutePath() + "\"")
                .contains("${file:/etc/kafka-connect/secrets/shop-slot.properties:database.password}")
                .doesNotContain(PASSWORD);
        d.form().topicPrefix.set("shop.cdc");
        assertThat(d.configJson.get()).contains("\"topic.prefix\" : \"shop.cdc\"");
        d.form().topicPrefix.set("shop cdc");
        assertThat(d.configJson.get()).isEmpty();
        assertThat(engine.blocker().get()).contains("topic prefix");
        d.form().topicPrefix.set("shop");

        Path file = config.resolve("connector.json");
        d.save(file);
        assertThat(Files.readString(file)).isEqualTo(d.configJson.get()).doesNotContain(PASSWORD);
        assertThat(d.outcome.get()).isEqualTo("saved to " + file);
    }

    @Test
    void aConnectWorkerThatCannotBeReachedIsAProblemWithAFix() {
        EngineStepViewModel engine = atEngine(wizard());
        engine.choose(HandoffEngine.DEBEZIUM);
        DebeziumHandoffViewModel d = engine.debezium();

        d.form().connectUrl.set("http://127.0.0.1:9");
        d.createOnConnect();

        assertThat(d.busy.get()).isFalse();
        assertThat(d.problem.get().problem()).contains("cannot be reached");
        assertThat(d.problem.get().fix()).contains("8083");
        d.form().connectUrl.set("connect:8083");
        d.refreshStatus();
        assertThat(d.problem.get().fix()).contains("http://");
    }

    @Test
    void datastreamNeedsTheCaAndShowsCommandsAndRequestsWithoutThePassword() {
        WizardViewModel w = wizard();
        w.draft().source.caFile.set(null);
        EngineStepViewModel engine = atEngine(w);
        engine.choose(HandoffEngine.DATASTREAM);
        DatastreamHandoffViewModel g = engine.datastream();
        g.form().project.set("shop-analytics");
        assertThat(engine.blocker().get()).contains("CA certificate");

        w.draft().source.caFile.set(TestPki.get().caPem);
        engine.entered();
        assertThat(engine.blocker().get()).isEmpty();
        assertThat(g.gcloudScript.get()).contains("gcloud datastream connection-profiles create shop-slot-source")
                .contains("\"replicationSlot\" : \"shop_slot\"").doesNotContain(PASSWORD);
        assertThat(g.requestsText.get()).contains("\"publication\" : \"shop_pub\"").contains("REPLACE_WITH_PASSWORD")
                .doesNotContain(PASSWORD);
        g.form().stalenessMinutes.set("many");
        assertThat(engine.blocker().get()).contains("staleness");
    }

    @Test
    void createInGoogleCloudMakesEachRequestAndLogsIt() throws Exception {
        EngineStepViewModel engine = atEngine(wizard());
        engine.choose(HandoffEngine.DATASTREAM);
        DatastreamHandoffViewModel g = engine.datastream();
        g.form().project.set("shop-analytics");
        try (DatastreamStandIn standIn = new DatastreamStandIn()) {
            g.useClients(key -> new DatastreamClient(standIn.base(), GoogleAccessTokens.fromKeyFile(key),
                    Duration.ofMillis(10), Duration.ofSeconds(30)));
            g.createInCloud();
            assertThat(g.problem.get().problem()).contains("no service account key file");

            g.form().keyFile.set(standIn.writeKeyFile(config));
            g.createInCloud();

            assertThat(g.problem.get()).isNull();
            assertThat(g.log).filteredOn(l -> l.startsWith("✔")).hasSize(4);
            assertThat(g.outcome.get()).isEqualTo("stream shop-slot-stream runs in projects/shop-analytics/locations/us-central1");
            assertThat(standIn.requests().get(0).body().get("postgresqlProfile").get("password").asText()).isEqualTo(PASSWORD);

            g.fetchStaticIps();
            assertThat(g.staticIps.get()).isEqualTo("Allow these addresses of us-central1 on the source: 203.0.113.10, 203.0.113.11");
        }
    }
}
