package io.walbridge.core.config;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A BigQuery destination in a pipeline file: the append-only tables and the value policy reach the engine. */
class SavedBigQueryTest {

    @TempDir
    Path config;

    /** What WalBridge wrote before the file had appendOnly and unrepresentable. */
    private static final String OLD_FILE = """
            {
              "name" : "old",
              "source" : { "host" : "db.example.com", "port" : 5432, "database" : "shop", "user" : "replicator",
                           "sslMode" : "require", "caFile" : null },
              "publication" : "walbridge_pub",
              "slot" : "walbridge_slot",
              "tables" : [ "\\"public\\".\\"orders\\"" ],
              "destinationKind" : "bigquery",
              "destination" : null,
              "bigQuery" : { "project" : "my-project", "dataset" : "replica", "location" : "EU",
                             "keyFile" : null, "staleness" : "15m", "api" : null, "writeApi" : null },
              "engine" : "walbridge"
            }
            """;

    @Test
    void aFileSavedBeforeTheOptionsExistedKeepsEveryKeyedTableCurrentAndStopsAtUnrepresentableValues() throws Exception {
        Files.createDirectories(config.resolve("pipelines"));
        Files.writeString(config.resolve("pipelines/old.json"), OLD_FILE);
        SavedBigQuery saved = new PipelineStore(config).load("old").bigQuery();
        assertThat(saved.appendOnly()).isEmpty();
        assertThat(saved.unrepresentable()).isEqualTo("fail");
        BigQueryTarget target = saved.toTarget();
        assertThat(target.appendOnly()).isEmpty();
        assertThat(target.policy()).isEqualTo(ValuePolicy.FAIL);
        assertThat(target.location()).isEqualTo("EU");
    }

    @Test
    void appendOnlyTablesAndTheValuePolicySurviveTheFileAndReachTheTarget() {
        PipelineStore store = new PipelineStore(config);
        SavedBigQuery bq = new SavedBigQuery("my-project", "replica", null, null, "1h", null, null,
                List.of("\"public\".\"audit log\"", "\"sales\".\"orders\""), "null");
        SavedPipeline pipeline = new SavedPipeline("bq", new SavedEndpoint("db", 5432, "shop", "replicator", "require",
                null), "p", "s", List.of("public.orders"), SavedPipeline.BIGQUERY, null, bq, "walbridge", null, null);
        store.save(pipeline);
        SavedBigQuery loaded = store.load("bq").bigQuery();
        assertThat(loaded).isEqualTo(bq);
        BigQueryTarget target = loaded.toTarget();
        assertThat(target.appendOnly()).containsExactlyInAnyOrder(new TableId("public", "audit log"),
                new TableId("sales", "orders"));
        assertThat(target.isAppendOnly(new TableId("public", "orders"))).isFalse();
        assertThat(target.policy()).isEqualTo(ValuePolicy.NULL);
    }

    @Test
    void aHandEditedValueThatCannotBeReadIsRefusedWithItsFix() {
        SavedBigQuery policy = new SavedBigQuery("my-project", "replica", null, null, "15m", null, null, List.of(), "skip");
        assertThatThrownBy(policy::toTarget).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("unrepresentable=skip").satisfies(e ->
                        assertThat(((UserFacingException) e).fix()).isEqualTo("use fail or null"));
        SavedBigQuery table = new SavedBigQuery("my-project", "replica", null, null, "15m", null, null,
                List.of("a.b.c"), "fail");
        assertThatThrownBy(table::toTarget).isInstanceOf(UserFacingException.class).hasMessageContaining("'a.b.c'");
    }
}
