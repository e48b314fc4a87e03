package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.walbridge.core.UserFacingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.walbridge.core.handoff.datastream.DatastreamRequestsTest.PASSWORD;
import static io.walbridge.core.handoff.datastream.DatastreamRequestsTest.settings;
import static io.walbridge.core.handoff.datastream.DatastreamRequestsTest.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Datastream API client against a local stand-in that checks and records what it receives (no request
 * reaches Google; see docs/handoff.md): order of calls, bodies as sent, operations polled, resources kept on a
 * second run, credentials from a service-account key file through google-auth-library.
 */
class DatastreamClientTest {

    private final DatastreamStandIn standIn = new DatastreamStandIn();
    @TempDir
    Path dir;

    DatastreamClientTest() throws Exception {
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DatastreamClient client(DatastreamClient.AccessTokens tokens) {
        return new DatastreamClient(standIn.base(), tokens, Duration.ofMillis(10), Duration.ofSeconds(30));
    }

    @Test
    void createsBothProfilesAndTheStreamThenStartsItWithTokensFromAKeyFile() throws Exception {
        DatastreamRequests requests = new DatastreamRequests(source("verify-full"),
                settings(DatasetMode.DATASET_PER_SCHEMA, ""));
        DatastreamClient client = client(GoogleAccessTokens.fromKeyFile(keyFile()));
        List<String> progress = new ArrayList<>();

        List<String> done = client.create(requests, PASSWORD, progress::add);

        assertThat(done).containsExactly("✔ created source connection profile shop-source",
                "✔ created BigQuery destination profile shop-bigquery", "✔ created stream shop-stream",
                "✔ start of stream shop-stream: stream running");
        assertThat(progress).first().isEqualTo("… source connection profile shop-source");
        // the key file's JWT was exchanged for a token, and every call carried it
        assertThat(standIn.tokenRequests()).isNotEmpty();
        JsonNode claims = DatastreamStandIn.claims(standIn.tokenRequests().get(0));
        assertThat(claims.get("iss").asText()).isEqualTo("datastream-maker@shop-analytics.iam.gserviceaccount.com");
        assertThat(claims.get("scope").asText()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
        assertThat(standIn.requests()).allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer standin-token-"));

        List<DatastreamStandIn.Recorded> creates = standIn.requests().stream()
                .filter(r -> !r.method().equals("GET")).toList();
        assertThat(creates).extracting(DatastreamStandIn.Recorded::method).containsExactly("POST", "POST", "POST", "PATCH");
        assertThat(creates.get(0).query()).containsEntry("connectionProfileId", "shop-source");
        assertThat(creates.get(0).body().get("postgresqlProfile").get("password").asText()).isEqualTo(PASSWORD.value());
        assertThat(creates.get(2).query()).containsEntry("streamId", "shop-stream");
        assertThat(creates.get(3).query()).containsEntry("updateMask", "state");
        // each operation was polled until done before the next call
        assertThat(standIn.requests().stream().filter(r -> r.method().equals("GET")).count()).isEqualTo(8);
        JsonNode stream = standIn.resource("projects/shop-analytics/locations/europe-west1/streams/shop-stream");
        assertThat(stream.get("state").asText()).isEqualTo("RUNNING");
        assertThat(stream.get("sourceConfig").get("postgresqlSourceConfig").get("replicationSlot").asText())
                .isEqualTo("walbridge_slot");
    }

    @Test
    void aSecondRunKeepsWhatExistsAndFinishesTheRest() {
        DatastreamRequests requests = new DatastreamRequests(source("verify-full"), settings(DatasetMode.SINGLE_DATASET, "raw"));
        DatastreamClient client = client(() -> "standin-token");
        client.create(requests, PASSWORD, line -> { });

        List<String> again = client.create(requests, PASSWORD, line -> { });

        assertThat(again).containsExactly("✔ source connection profile shop-source exists, kept",
                "✔ BigQuery destination profile shop-bigquery exists, kept", "✔ stream shop-stream exists, kept",
                "✔ start of stream shop-stream: stream running");
    }

    @Test
    void refusedCredentialsAndRequestsSayWhatToDoWithoutThePassword() {
        DatastreamRequests requests = new DatastreamRequests(source("verify-full"), settings(DatasetMode.SINGLE_DATASET, "raw"));

        assertThatThrownBy(() -> client(() -> "wrong-token").create(requests, PASSWORD, line -> { }))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("HTTP 401 UNAUTHENTICATED")
                .satisfies(e -> assertThat(((UserFacingException) e).fix()).contains("key file"));
        assertThatThrownBy(() -> GoogleAccessTokens.fromKeyFile(dir.resolve("missing.json")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not exist");
        assertThat(standIn.requests()).allSatisfy(r -> assertThat(String.valueOf(r.authorization())).doesNotContain(PASSWORD.value()));
    }

    @Test
    void fetchesTheRegionsStaticAddressesForTheAllowlist() {
        List<String> ips = client(() -> "standin-token").fetchStaticIps(settings(DatasetMode.SINGLE_DATASET, "raw"));
        assertThat(ips).containsExactly("203.0.113.10", "203.0.113.11");
        assertThat(standIn.requests().get(0).path()).isEqualTo("/v1/projects/shop-analytics/locations/europe-west1:fetchStaticIps");
    }

    private Path keyFile() throws Exception {
        return standIn.writeKeyFile(dir);
    }
}
