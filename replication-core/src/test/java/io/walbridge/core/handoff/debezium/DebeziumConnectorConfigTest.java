package io.walbridge.core.handoff.debezium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.PreparedSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Debezium configuration for a prepared source; that Debezium runs it is proved in handoff-it. */
class DebeziumConnectorConfigTest {

    private static final Secret PASSWORD = new Secret("Reader-Pass-9");

    private static PreparedSource source(String sslMode, Path ca) {
        return new PreparedSource("db.example.com", 5432, "shop", "walbridge_reader", PASSWORD, sslMode, ca,
                "walbridge_pub", "walbridge_slot", List.of(new TableId("public", "orders"), new TableId("Sales", "line.items")));
    }

    private static DebeziumSettings settings() {
        return new DebeziumSettings("http://connect:8083", "shop-cdc", "shop", SnapshotMode.INITIAL,
                10_000, "/etc/kafka-connect/ca.pem", "/etc/kafka-connect/secrets/shop-cdc.properties");
    }

    @Test
    void readsWalBridgesSlotAndPublicationWithPgoutputAndNeverTouchesThePublication() {
        Map<String, String> c = new DebeziumConnectorConfig(source("verify-full", Path.of("/tmp/ca.pem")), settings()).forSaving();

        assertThat(c).containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("slot.name", "walbridge_slot")
                .containsEntry("publication.name", "walbridge_pub")
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("slot.drop.on.stop", "false")
                .containsEntry("database.hostname", "db.example.com")
                .containsEntry("database.port", "5432")
                .containsEntry("database.user", "walbridge_reader")
                .containsEntry("database.dbname", "shop")
                .containsEntry("database.sslmode", "verify-full")
                .containsEntry("database.sslrootcert", "/etc/kafka-connect/ca.pem")
                .containsEntry("topic.prefix", "shop")
                .containsEntry("snapshot.mode", "initial")
                .containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("tasks.max", "1")
                .containsEntry("table.include.list", "public\\.orders,Sales\\.line\\.items");
    }

    @Test
    void theSavedFormNamesThePasswordThroughTheFileProviderAndTheRestFormCarriesIt() throws Exception {
        DebeziumConnectorConfig config = new DebeziumConnectorConfig(source("verify-full", Path.of("/tmp/ca.pem")), settings());

        assertThat(config.forSaving()).containsEntry("database.password",
                "${file:/etc/kafka-connect/secrets/shop-cdc.properties:database.password}");
        assertThat(config.forConnect()).containsEntry("database.password", "Reader-Pass-9");
        String saved = config.savedJson();
        assertThat(saved).doesNotContain(PASSWORD.value());
        JsonNode json = new ObjectMapper().readTree(saved);
        assertThat(json.get("name").asText()).isEqualTo("shop-cdc");
        assertThat(json.get("config").get("slot.name").asText()).isEqualTo("walbridge_slot");
        assertThat(config.secretsFileLine()).isEqualTo("database.password=<password of walbridge_reader>");
    }

    @Test
    void withoutCaThereIsNoRootCertAndVerificationWithoutWorkerPathIsRefused() {
        Map<String, String> c = new DebeziumConnectorConfig(source("require", null), settings()).forSaving();
        assertThat(c).containsEntry("database.sslmode", "require").doesNotContainKey("database.sslrootcert");

        DebeziumSettings noPath = new DebeziumSettings("http://c:8083", "n", "p", SnapshotMode.NO_DATA,
                5_000, "", "/s.properties");
        assertThatThrownBy(() -> new DebeziumConnectorConfig(source("verify-full", Path.of("/tmp/ca.pem")), noPath))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("CA certificate's path on the Connect workers");
    }

    @Test
    void namesAndUrlsAreCheckedAsTyped() {
        assertThat(DebeziumSettings.nameProblem("shop-cdc")).isNull();
        assertThat(DebeziumSettings.nameProblem("shop cdc")).isNotNull();
        assertThat(DebeziumSettings.topicPrefixProblem("")).isNotNull();
        assertThat(DebeziumSettings.urlProblem("http://connect:8083")).isNull();
        assertThat(DebeziumSettings.urlProblem("connect:8083")).isNotNull();
        assertThat(DebeziumSettings.defaults("walbridge_slot", "/ca.pem").connectorName()).isEqualTo("walbridge-slot");
        assertThatThrownBy(() -> new KafkaConnectClient("ftp://x")).isInstanceOf(UserFacingException.class);
    }

    @Test
    void anUnreachableWorkerSaysHowToFindIt() {
        // port 9 (discard) on loopback: nothing listens there
        KafkaConnectClient client = new KafkaConnectClient("http://127.0.0.1:9");
        assertThatThrownBy(() -> client.status("x")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(((UserFacingException) e).fix()).contains("8083"));
    }

    @Test
    void tracesAreCutToTheirFirstLines() {
        String trace = "org.apache.kafka.connect.errors.ConnectException: boom\n\tat a.B.c(B.java:1)\n\tat d\n\tat e\n\tat f\n\tat g";
        assertThat(KafkaConnectClient.firstLines(trace)).startsWith("org.apache.kafka.connect.errors.ConnectException: boom")
                .endsWith("… (2 more lines in the worker's log)");
    }
}
