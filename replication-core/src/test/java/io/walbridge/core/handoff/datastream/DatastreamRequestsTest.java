package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.PreparedSource;
import io.walbridge.core.setup.TestPki;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Datastream requests and gcloud commands for a prepared source, field by field. */
class DatastreamRequestsTest {

    static final Secret PASSWORD = new Secret("Reader-Pass-9");

    static PreparedSource source(String sslMode) {
        return new PreparedSource("db.example.com", 5433, "shop", "walbridge_reader", PASSWORD, sslMode,
                TestPki.get().caPem, "walbridge_pub", "walbridge_slot",
                List.of(new TableId("public", "orders"), new TableId("sales", "Line Items"), new TableId("public", "customers")));
    }

    static DatastreamSettings settings(DatasetMode mode, String dataset) {
        return new DatastreamSettings("shop-analytics", "europe-west1", "shop-source", "shop-bigquery", "shop-stream",
                mode, dataset, "EU", 600);
    }

    @Test
    void theSourceProfileVerifiesTheServerWithTheCaAndUsesTheIpAllowlist() throws Exception {
        List<ApiRequest> requests = new DatastreamRequests(source("verify-full"),
                settings(DatasetMode.DATASET_PER_SCHEMA, "")).requests(PASSWORD);

        ApiRequest profile = requests.get(0);
        assertThat(profile.method()).isEqualTo("POST");
        assertThat(profile.target()).isEqualTo(
                "/v1/projects/shop-analytics/locations/europe-west1/connectionProfiles?connectionProfileId=shop-source");
        JsonNode pg = profile.body().get("postgresqlProfile");
        assertThat(pg.get("hostname").asText()).isEqualTo("db.example.com");
        assertThat(pg.get("port").asInt()).isEqualTo(5433);
        assertThat(pg.get("port").isInt()).isTrue();
        assertThat(pg.get("username").asText()).isEqualTo("walbridge_reader");
        assertThat(pg.get("password").asText()).isEqualTo("Reader-Pass-9");
        assertThat(pg.get("database").asText()).isEqualTo("shop");
        JsonNode verification = pg.get("sslConfig").get("serverVerification");
        assertThat(verification.get("caCertificate").asText()).isEqualTo(Files.readString(TestPki.get().caPem).strip() + "\n");
        assertThat(verification.get("serverCertificateHostname").asText()).isEqualTo("db.example.com");
        assertThat(profile.body().get("staticServiceIpConnectivity").isEmpty()).isTrue();
        assertThat(profile.body().get("displayName").asText()).isEqualTo("shop on db.example.com (prepared by WalBridge)");

        ApiRequest bigquery = requests.get(1);
        assertThat(bigquery.target()).endsWith("/connectionProfiles?connectionProfileId=shop-bigquery");
        assertThat(bigquery.body().get("bigqueryProfile").isEmpty()).isTrue();
        assertThat(bigquery.body().has("postgresqlProfile")).isFalse();
    }

    @Test
    void theStreamReadsWalBridgesSlotAndPublicationAndTheChosenTablesBySchema() {
        List<ApiRequest> requests = new DatastreamRequests(source("verify-full"),
                settings(DatasetMode.DATASET_PER_SCHEMA, "pg_")).shownRequests();

        ApiRequest stream = requests.get(2);
        assertThat(stream.target()).isEqualTo("/v1/projects/shop-analytics/locations/europe-west1/streams?streamId=shop-stream");
        JsonNode src = stream.body().get("sourceConfig");
        assertThat(src.get("sourceConnectionProfile").asText())
                .isEqualTo("projects/shop-analytics/locations/europe-west1/connectionProfiles/shop-source");
        JsonNode pg = src.get("postgresqlSourceConfig");
        assertThat(pg.get("replicationSlot").asText()).isEqualTo("walbridge_slot");
        assertThat(pg.get("publication").asText()).isEqualTo("walbridge_pub");
        JsonNode schemas = pg.get("includeObjects").get("postgresqlSchemas");
        assertThat(schemas).hasSize(2);
        assertThat(schemas.get(0).get("schema").asText()).isEqualTo("public");
        assertThat(schemas.get(0).get("postgresqlTables").findValuesAsText("table")).containsExactly("orders", "customers");
        assertThat(schemas.get(1).get("schema").asText()).isEqualTo("sales");
        assertThat(schemas.get(1).get("postgresqlTables").findValuesAsText("table")).containsExactly("Line Items");
        JsonNode dst = stream.body().get("destinationConfig");
        assertThat(dst.get("destinationConnectionProfile").asText())
                .isEqualTo("projects/shop-analytics/locations/europe-west1/connectionProfiles/shop-bigquery");
        JsonNode bq = dst.get("bigqueryDestinationConfig");
        assertThat(bq.get("dataFreshness").asText()).isEqualTo("600s");
        assertThat(bq.get("sourceHierarchyDatasets").get("datasetTemplate").get("location").asText()).isEqualTo("EU");
        assertThat(bq.get("sourceHierarchyDatasets").get("datasetTemplate").get("datasetIdPrefix").asText()).isEqualTo("pg_");
        assertThat(bq.has("singleTargetDataset")).isFalse();
        assertThat(stream.body().get("backfillAll").isEmpty()).isTrue();

        ApiRequest start = requests.get(3);
        assertThat(start.method()).isEqualTo("PATCH");
        assertThat(start.target()).isEqualTo(
                "/v1/projects/shop-analytics/locations/europe-west1/streams/shop-stream?updateMask=state");
        assertThat(start.body().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aSingleDatasetIsNamedWithItsProject() {
        JsonNode bq = new DatastreamRequests(source("verify-ca"), settings(DatasetMode.SINGLE_DATASET, "shop_raw"))
                .shownRequests().get(2).body().get("destinationConfig").get("bigqueryDestinationConfig");
        assertThat(bq.get("singleTargetDataset").get("datasetId").asText()).isEqualTo("shop-analytics:shop_raw");
        assertThat(bq.has("sourceHierarchyDatasets")).isFalse();
    }

    @Test
    void verifyCaChecksTheChainButNotTheHostName() {
        JsonNode verification = new DatastreamRequests(source("verify-ca"), settings(DatasetMode.DATASET_PER_SCHEMA, ""))
                .shownRequests().get(0).body().get("postgresqlProfile").get("sslConfig").get("serverVerification");
        assertThat(verification.has("caCertificate")).isTrue();
        assertThat(verification.has("serverCertificateHostname")).isFalse();
    }

    @Test
    void shownAndSavedFormsNeverHoldThePassword() {
        DatastreamRequests r = new DatastreamRequests(source("verify-full"), settings(DatasetMode.DATASET_PER_SCHEMA, ""));
        assertThat(r.shownText()).doesNotContain(PASSWORD.value()).contains(DatastreamRequests.PASSWORD_PLACEHOLDER);
        assertThat(r.gcloudScript()).doesNotContain(PASSWORD.value());
        assertThat(r.shownText()).contains("POST https://datastream.googleapis.com/v1/projects/shop-analytics/locations/"
                + "europe-west1/connectionProfiles?connectionProfileId=shop-source");
    }

    @Test
    void gcloudCommandsMatchTheRequests() {
        DatastreamRequests r = new DatastreamRequests(source("verify-full"), settings(DatasetMode.SINGLE_DATASET, "shop_raw"));
        List<String> commands = r.gcloudCommands();
        String ca = TestPki.get().caPem.toAbsolutePath().toString();

        assertThat(commands).containsExactly(
                "gcloud datastream connection-profiles create shop-source --project=shop-analytics --location=europe-west1"
                        + " --type=postgresql --display-name='shop on db.example.com (prepared by WalBridge)'"
                        + " --postgresql-hostname=db.example.com --postgresql-port=5433"
                        + " --postgresql-username=walbridge_reader --postgresql-prompt-for-password"
                        + " --postgresql-database=shop --postgresql-ca-certificate=\"$(cat " + ca + ")\""
                        + " --postgresql-server-certificate-hostname=db.example.com --static-ip-connectivity",
                "gcloud datastream connection-profiles create shop-bigquery --project=shop-analytics"
                        + " --location=europe-west1 --type=bigquery --display-name='BigQuery in shop-analytics (for shop)'",
                "gcloud datastream streams create shop-stream --project=shop-analytics --location=europe-west1"
                        + " --display-name='shop to BigQuery (slot walbridge_slot)' --source=shop-source"
                        + " --postgresql-source-config=source.json --destination=shop-bigquery"
                        + " --bigquery-destination-config=destination.json --backfill-all",
                "gcloud datastream streams update shop-stream --project=shop-analytics --location=europe-west1"
                        + " --state=RUNNING --update-mask=state");
        assertThat(r.gcloudFiles().get("source.json")).contains("\"replicationSlot\" : \"walbridge_slot\"")
                .contains("\"publication\" : \"walbridge_pub\"").contains("\"table\" : \"Line Items\"");
        assertThat(r.gcloudFiles().get("destination.json")).contains("\"datasetId\" : \"shop-analytics:shop_raw\"")
                .contains("\"dataFreshness\" : \"600s\"");
        assertThat(r.gcloudScript()).startsWith("#!/bin/sh").contains("set -e").contains("cat > source.json <<'JSON'")
                .endsWith("--state=RUNNING --update-mask=state\n");
    }

    @Test
    void aSourceWithoutCaOrWithBadSettingsIsRefusedWithTheFieldToFix() {
        PreparedSource noCa = new PreparedSource("db.example.com", 5432, "shop", "u", PASSWORD, "require", null, "p", "s",
                List.of(new TableId("public", "t")));
        assertThatThrownBy(() -> new DatastreamRequests(noCa, settings(DatasetMode.DATASET_PER_SCHEMA, "")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("CA certificate");
        DatastreamSettings badProject = new DatastreamSettings("Shop", "europe-west1", "a", "b", "c",
                DatasetMode.DATASET_PER_SCHEMA, "", "EU", 600);
        assertThatThrownBy(() -> new DatastreamRequests(source("verify-full"), badProject))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("project");
        assertThat(DatastreamSettings.defaults("walbridge_slot").sourceProfileId()).isEqualTo("walbridge-slot-source");
        assertThat(DatastreamSettings.idProblem("Bad_Id")).isNotNull();
        assertThat(DatastreamSettings.datasetProblem(DatasetMode.SINGLE_DATASET, "")).isNotNull();
    }
}
