package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.pipeline.BatchPolicy;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineConfig;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.pipeline.UnchangedValueFill;
import io.walbridge.core.sink.Sink;
import io.walbridge.core.source.SourceCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryRestartTest {

    private StandInReplication r;

    @AfterEach
    void close() {
        if (r != null) {
            r.close();
        }
    }

    /** Dies at a chosen apply call, before or after the BigQuery sink applied it (the process dying). */
    private static final class Crashing implements Sink {
        private final Sink delegate;
        private final int at;
        private final boolean after;
        private int calls;

        Crashing(Sink delegate, int at, boolean after) {
            this.delegate = delegate;
            this.at = at;
            this.after = after;
        }

        @Override
        public Optional<Lsn> durablePosition() {
            return delegate.durablePosition();
        }

        @Override
        public Optional<Lsn> apply(List<SourceEvent> events) {
            if (++calls == at && !after) {
                throw new IllegalStateException("simulated crash");
            }
            Optional<Lsn> out = delegate.apply(events);
            if (calls >= at && out.isPresent()) {
                throw new IllegalStateException("simulated crash after BigQuery took the rows");
            }
            return out;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private void workload() {
        for (int i = 0; i < 120; i++) {
            r.source.source("INSERT INTO keyed VALUES (" + i + ", 'v" + i + "') ON CONFLICT (id) DO UPDATE SET v = 'again'",
                    "INSERT INTO dupes VALUES (" + (i % 7) + ", 'same')",
                    "UPDATE keyed SET v = v || '+' WHERE id = " + (i / 2),
                    "DELETE FROM keyed WHERE id = " + (i / 3) + " AND " + i + " % 4 = 0");
        }
    }

    private Pipeline crashing(int at, boolean after) {
        PipelineConfig cfg = r.source.config().withBatching(new BatchPolicy(20, 1L << 20, Duration.ofMillis(5), 1L << 20));
        BigQueryTarget target = r.target();
        SourceCatalog catalog = new SourceCatalog(cfg.source());
        SourceTypes types = new SourceTypes(cfg.source());
        return new Pipeline(cfg, () -> new Crashing(new UnchangedValueFill(new BigQuerySink(target, cfg.name(), catalog, types),
                cfg.source(), catalog), at, after), new BigQuerySnapshotTarget(target, cfg.name(), types));
    }

    @ParameterizedTest(name = "crash at apply call {0}, after applying: {1}")
    @CsvSource({"4, true", "4, false", "15, true"})
    void resumesAfterACrashAndEndsExact(int at, boolean after) {
        r = new StandInReplication("CREATE TABLE keyed (id int PRIMARY KEY, v text)", "CREATE TABLE dupes (a int, b text)",
                "ALTER TABLE dupes REPLICA IDENTITY FULL");
        workload();
        Pipeline p = r.runToEnd(crashing(at, after));
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        r.catchUp();
        assertExact();
    }

    @ParameterizedTest(name = "checkpoint refused at write {0}")
    @CsvSource({"1", "2"})
    void rowsWrittenWithoutTheirCheckpointAreReplayedHarmlessly(int refusedWrite) {
        r = new StandInReplication("CREATE TABLE keyed (id int PRIMARY KEY, v text)", "CREATE TABLE dupes (a int, b text)",
                "ALTER TABLE dupes REPLICA IDENTITY FULL");
        r.catchUp(); // copies the empty tables
        workload();
        int[] writes = {0};
        r.standIn.faults().refuseRows(row -> row.table().equals("_walbridge_checkpoint") && ++writes[0] >= refusedWrite);
        Pipeline p = r.runToEnd(r.pipeline());
        assertThat(p.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(p.metrics().failure()).contains("_walbridge_checkpoint");
        r.standIn.faults().refuseRows(row -> false);
        r.catchUp();
        assertExact();
    }

    private void assertExact() {
        assertThat(r.rows("public_keyed", "id", "v")).containsExactlyElementsOf(r.sourceRows("SELECT id::text, v FROM keyed"));
        // one row per change: the same change written twice has the same change id; deduplicated, the inserts
        // are the source's rows exactly
        Map<Object, Map<String, Object>> byChange = new HashMap<>();
        r.table("public_dupes").rows().forEach(row -> byChange.put(row.get("_walbridge_change_id"), row));
        List<List<String>> inserted = new ArrayList<>();
        for (Map<String, Object> row : byChange.values()) {
            inserted.add(List.of(String.valueOf(row.get("a")), String.valueOf(row.get("b"))));
        }
        inserted.sort(java.util.Comparator.comparing(Object::toString));
        assertThat(inserted).containsExactlyElementsOf(r.sourceRows("SELECT a::text, b FROM dupes"));
    }
}
