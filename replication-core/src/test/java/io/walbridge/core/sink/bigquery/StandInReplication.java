package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.pipeline.BigQueryPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import io.walbridge.core.testing.bigquery.StandInTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A source database with publication and slot, replicated into a dataset of a BigQuery stand-in. */
final class StandInReplication implements AutoCloseable {

    static final String PROJECT = "walbridge-test";

    final Replication source;
    final BigQueryStandIn standIn = BigQueryStandIn.start();
    final String dataset;
    private Function<BigQueryTarget, BigQueryTarget> tweak = Function.identity();

    StandInReplication(String... ddl) {
        this.source = new Replication(ddl);
        this.dataset = "ds_" + source.slot;
    }

    StandInReplication withTarget(Function<BigQueryTarget, BigQueryTarget> t) {
        this.tweak = t;
        return this;
    }

    BigQueryTarget target() {
        return tweak.apply(standIn.target(PROJECT, dataset));
    }

    Pipeline pipeline() {
        return BigQueryPipeline.create(source.config(), target());
    }

    /** Replicates everything committed so far; returns once it is applied and confirmed. */
    Pipeline catchUp() {
        Pipeline p = pipeline();
        runToEnd(p);
        assertThat(p.metrics().state()).as("state, failure: %s", p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
        return p;
    }

    /** Starts a pipeline that stops once caught up (or fails) and waits for it. */
    Pipeline runToEnd(Pipeline p) {
        Lsn target = SourcePosition.current(source.sourceServer.endpoint(source.sourceDb));
        p.stopWhenCaughtUpTo(target);
        p.start();
        try {
            assertThat(p.awaitTermination(Duration.ofMinutes(3))).as("pipeline finished").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    StandInTable table(String name) {
        return standIn.table(PROJECT, dataset, name);
    }

    /** The table's rows as text, columns in the given order, sorted. */
    List<List<String>> rows(String table, String... columns) {
        StandInTable t = table(table);
        assertThat(t).as("BigQuery table %s", table).isNotNull();
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> row : t.rows()) {
            List<String> r = new ArrayList<>();
            for (String c : columns) {
                r.add(StandInValues.text(row.get(c.toLowerCase())));
            }
            out.add(r);
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    /** The source query's rows (all columns as text), sorted the same way. */
    List<List<String>> sourceRows(String sql) {
        List<List<String>> out = new ArrayList<>(source.sourceRows(sql));
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    @Override
    public void close() {
        source.dropSlot();
        standIn.close();
    }
}
