package io.walbridge.core.verify;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import io.walbridge.core.pipeline.BigQueryPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import io.walbridge.core.testing.bigquery.StandInTable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryVerifierTest {

    @Test
    void findsAMissingAnExtraAndAChangedRowByReadingBothSides() throws Exception {
        Replication r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text, n numeric(10,2), at timestamptz,"
                + " tags text[], doc jsonb)", "CREATE TABLE log (line text)");
        try (BigQueryStandIn standIn = BigQueryStandIn.start()) {
            r.source("INSERT INTO items SELECT g, 'v' || g, g / 4.0, '2024-01-01 00:00:00+00'::timestamptz + g * interval '1 s',"
                    + " ARRAY['a', g::text], jsonb_build_object('k', g, 'z', 'x') FROM generate_series(1, 3000) g",
                    "INSERT INTO log VALUES ('x')");
            BigQueryTarget target = standIn.target("verify-project", "ds_" + r.slot);
            Pipeline p = BigQueryPipeline.create(r.config(), target);
            Lsn now = SourcePosition.current(r.sourceServer.endpoint(r.sourceDb));
            p.stopWhenCaughtUpTo(now);
            p.start();
            assertThat(p.awaitTermination(Duration.ofMinutes(2))).isTrue();
            assertThat(p.metrics().state()).isEqualTo(PipelineState.STOPPED);

            BigQueryVerifier verifier = new BigQueryVerifier(r.sourceServer.endpoint(r.sourceDb), target,
                    new Verifier.Options(Duration.ofSeconds(5), 1), Clock.systemUTC());
            List<TableDifference> seen = new ArrayList<>();
            Verifier.Report equal = verifier.verify(List.of(), seen::add);
            assertThat(equal.equal()).as("%s", equal.tables()).isTrue();
            assertThat(seen).extracting(TableDifference::table).containsExactly(new TableId("public", "items"));
            assertThat(seen.get(0).sourceRows()).isEqualTo(3000);

            StandInTable t = standIn.table("verify-project", "ds_" + r.slot, "public_items");
            t.tamperRemove(List.of(17L));
            t.tamper(List.of(42L), "v", "not v42");
            Map<String, Object> extra = new HashMap<>(t.rows().get(0));
            extra.put("id", 99999L);
            t.tamperAdd(extra);
            Verifier.Report diff = verifier.verify(List.of(new TableId("public", "items")), d -> { });
            TableDifference d = diff.tables().get(0);
            assertThat(d.equal()).isFalse();
            assertThat(d.missing()).containsExactly("(id=17)");
            assertThat(d.extra()).containsExactly("(id=99999)");
            assertThat(d.differing()).containsExactly("(id=42)");
        } finally {
            r.dropSlot();
        }
    }
}
