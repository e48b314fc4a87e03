package io.walbridge.core.sink.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.BigQueryPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against REAL BigQuery, only when {@code WALBRIDGE_BQ_PROJECT} is set (credentials: {@code WALBRIDGE_BQ_CREDENTIALS}
 * as a key file path, else Application Default Credentials; {@code WALBRIDGE_BQ_LOCATION} optional). It creates a
 * dataset {@code walbridge_live_<pid>}, replicates into it and deletes it again.
 */
@EnabledIfEnvironmentVariable(named = "WALBRIDGE_BQ_PROJECT", matches = ".+")
class BigQueryLiveTest {

    @Test
    void replicatesIntoRealBigQuery() throws Exception {
        String project = System.getenv("WALBRIDGE_BQ_PROJECT");
        String dataset = "walbridge_live_" + ProcessHandle.current().pid();
        StringBuilder url = new StringBuilder("bigquery://" + project + "/" + dataset + "?staleness=0");
        if (System.getenv("WALBRIDGE_BQ_CREDENTIALS") != null) {
            url.append("&credentials=").append(System.getenv("WALBRIDGE_BQ_CREDENTIALS"));
        }
        if (System.getenv("WALBRIDGE_BQ_LOCATION") != null) {
            url.append("&location=").append(System.getenv("WALBRIDGE_BQ_LOCATION"));
        }
        BigQueryTarget target = BigQueryTarget.parse(url.toString());
        Replication r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text, n numeric(10,2), at timestamptz)");
        try (BigQueryClients clients = BigQueryClients.open(target)) {
            r.source("INSERT INTO items SELECT g, 'v' || g, g / 3.0, now() FROM generate_series(1, 100) g");
            run(r, target);
            r.source("UPDATE items SET v = 'changed' WHERE id <= 10", "DELETE FROM items WHERE id > 90");
            run(r, target);
            BigQuery bq = clients.bigQuery();
            List<List<String>> rows = new ArrayList<>();
            for (FieldValueList row : bq.query(QueryJobConfiguration.of("SELECT id, v FROM `" + project + "." + dataset
                    + ".public_items`")).iterateAll()) {
                rows.add(List.of(row.get(0).getStringValue(), row.get(1).getStringValue()));
            }
            rows.sort(Comparator.comparing(Object::toString));
            List<List<String>> expected = new ArrayList<>(r.sourceRows("SELECT id::text, v FROM items"));
            expected.sort(Comparator.comparing(Object::toString));
            assertThat(rows).containsExactlyElementsOf(expected);
            bq.delete(DatasetId.of(project, dataset), BigQuery.DatasetDeleteOption.deleteContents());
        } finally {
            r.dropSlot();
        }
    }

    private static void run(Replication r, BigQueryTarget target) throws InterruptedException {
        Pipeline p = BigQueryPipeline.create(r.config(), target);
        Lsn now = SourcePosition.current(r.sourceServer.endpoint(r.sourceDb));
        p.stopWhenCaughtUpTo(now);
        p.start();
        assertThat(p.awaitTermination(Duration.ofMinutes(10))).isTrue();
        assertThat(p.metrics().state()).as(p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
    }
}
