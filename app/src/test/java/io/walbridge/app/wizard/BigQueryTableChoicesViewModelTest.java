package io.walbridge.app.wizard;

import io.walbridge.app.common.InProcessEngine;
import io.walbridge.app.common.RunningPipelines;
import io.walbridge.app.common.SameThreadRunner;
import io.walbridge.app.common.Services;
import io.walbridge.app.start.StartViewModel;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedBigQuery;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.SourcePosition;
import io.walbridge.core.testing.PgServer;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import io.walbridge.core.testing.bigquery.StandInTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 6's BigQuery table choices without a screen: which tables are written append-only (those without a primary
 * key always), what a value BigQuery cannot hold does, both saved, reopened and honoured by a started pipeline.
 */
class BigQueryTableChoicesViewModelTest {

    private static final PgServer SOURCE = PgServer.shared("source");
    private static final TableId AUDIT = new TableId("public", "audit_log");
    private static final TableId CUSTOMERS = new TableId("public", "customers");
    private static final TableId ORDERS = new TableId("public", "orders");

    @TempDir
    Path config;

    private final BigQueryStandIn standIn = BigQueryStandIn.start();

    @AfterEach
    void close() {
        standIn.close();
    }

    /** A source with two keyed tables and one without a key, every table chosen, BigQuery as destination. */
    private WizardViewModel wizard(Services services) {
        String src = SOURCE.freshDatabase();
        SOURCE.exec(src, "CREATE TABLE orders (id int PRIMARY KEY, total numeric)",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "CREATE TABLE audit_log (at timestamptz DEFAULT now(), what text)");
        PipelineDraft d = new PipelineDraft();
        d.source.host.set("localhost");
        d.source.port.set(String.valueOf(SOURCE.port()));
        d.source.database.set(src);
        d.source.user.set("postgres");
        d.source.sslMode.set("disable");
        d.publication.set("pub_" + src);
        d.slot.set("slot_" + src);
        d.destinationKind.set(DestinationKind.BIGQUERY);
        d.bigQuery.project.set("wizard-project");
        d.bigQuery.dataset.set("replica_" + src);
        d.bigQuery.defaultCredentials.set(true);
        d.bigQuery.endpoints.set(standIn.endpoints());
        WizardViewModel w = new WizardViewModel(d, services);
        w.replication().picker().load();
        w.replication().picker().selectAll(true);
        w.destination().entered();
        return w;
    }

    private static AppendOnlyRow row(DestinationStepViewModel step, TableId table) {
        return step.appendOnlyRows.stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void tablesWithoutAPrimaryKeyAreAlwaysAppendOnlyAndMarkedTablesJoinThem() {
        WizardViewModel w = wizard(TestServices.sameThread(config));
        DestinationStepViewModel step = w.destination();
        assertThat(step.appendOnlyRows).extracting(AppendOnlyRow::table).containsExactly(AUDIT, CUSTOMERS, ORDERS);
        AppendOnlyRow audit = row(step, AUDIT);
        assertThat(audit.locked()).isTrue();
        assertThat(audit.appendOnly.get()).isTrue();
        audit.mark(false);
        assertThat(audit.appendOnly.get()).as("a table without a key cannot be kept as current rows").isTrue();
        assertThat(audit.note.get()).startsWith("no primary key");
        AppendOnlyRow orders = row(step, ORDERS);
        assertThat(orders.locked()).isFalse();
        assertThat(orders.appendOnly.get()).isFalse();
        assertThat(orders.note.get()).startsWith("current rows");
        orders.mark(true);
        assertThat(orders.appendOnly.get()).isTrue();
        assertThat(orders.note.get()).startsWith("append-only");
        assertThat(w.draft().appendOnlyTables()).containsExactly(AUDIT, ORDERS);

        w.review().entered();
        assertThat(w.review().summary.get())
                .contains("Append-only:  public.audit_log (no primary key), public.orders; one row per change")
                .contains("Values:       a value BigQuery cannot hold stops the pipeline (unrepresentable=fail)");

        // a table taken out of the pipeline is not saved as append-only; chosen again, it keeps its mark
        TableRow ordersRow = w.replication().picker().rows.stream().filter(r -> r.id().equals(ORDERS)).findFirst().orElseThrow();
        ordersRow.selected.set(false);
        assertThat(w.draft().appendOnlyTables()).containsExactly(AUDIT);
        ordersRow.selected.set(true);
        w.destination().entered();
        assertThat(row(w.destination(), ORDERS).appendOnly.get()).isTrue();
        assertThat(w.draft().appendOnlyTables()).containsExactly(AUDIT, ORDERS);
    }

    @Test
    void theChoicesAreSavedReopenedAndHandedToTheEngine() throws Exception {
        Services services = TestServices.sameThread(config);
        WizardViewModel w = wizard(services);
        row(w.destination(), ORDERS).mark(true);
        w.draft().bigQuery.unrepresentable.set(ValuePolicy.NULL);
        w.review().entered();
        assertThat(w.review().summary.get()).contains("is written as NULL and logged (unrepresentable=null)");
        w.review().save();
        assertThat(w.review().problem.get()).isNull();
        String name = w.draft().name.get();
        assertThat(Files.readString(config.resolve("pipelines/" + name + ".json"))).contains("\"unrepresentable\" : \"null\"");

        SavedPipeline saved = services.pipelines().load(name);
        assertThat(saved.bigQuery().appendOnly()).containsExactly("\"public\".\"audit_log\"", "\"public\".\"orders\"");
        BigQueryTarget target = saved.bigQuery().toTarget();
        assertThat(target.appendOnly()).containsExactlyInAnyOrder(AUDIT, ORDERS);
        assertThat(target.policy()).isEqualTo(ValuePolicy.NULL);

        WizardViewModel reopened = new WizardViewModel(PipelineDraft.of(saved, services.secrets()), services);
        assertThat(reopened.draft().bigQuery.unrepresentable.get()).isEqualTo(ValuePolicy.NULL);
        reopened.replication().picker().load();
        reopened.destination().entered();
        assertThat(reopened.destination().appendOnlyRows).extracting(r -> r.appendOnly.get()).containsExactly(true, false, true);
        assertThat(row(reopened.destination(), AUDIT).locked()).isTrue();
        row(reopened.destination(), ORDERS).mark(false);
        assertThat(reopened.draft().toSaved().bigQuery().appendOnly()).containsExactly("\"public\".\"audit_log\"");
    }

    @Test
    void aPipelineFileFromBeforeTheseChoicesOpensWithKeyedTablesCurrentAndStopOnBadValues() {
        SavedBigQuery old = new SavedBigQuery("wizard-project", "replica", "EU", null, "15m", null, null);
        SavedPipeline saved = new SavedPipeline("old", new io.walbridge.core.config.SavedEndpoint("localhost",
                SOURCE.port(), "postgres", "postgres", "disable", null), "p", "s", List.of("public.orders"),
                SavedPipeline.BIGQUERY, null, old, "walbridge", null, null);
        PipelineDraft d = PipelineDraft.of(saved, TestServices.sameThread(config).secrets());
        assertThat(d.bigQuery.unrepresentable.get()).isEqualTo(ValuePolicy.FAIL);
        assertThat(d.bigQuery.appendOnly).isEmpty();
        assertThat(d.appendOnlyTables()).isEmpty();
        assertThat(d.toSaved().bigQuery().unrepresentable()).isEqualTo("fail");
    }

    @Test
    void aPipelineStartedFromItsSavedFileWritesTheMarkedTableAppendOnlyAndNullsWhatBigQueryCannotHold() throws Exception {
        SameThreadRunner tasks = new SameThreadRunner();
        RunningPipelines running = new RunningPipelines(new InProcessEngine(), tasks);
        Services services = TestServices.with(tasks, config, running);
        WizardViewModel w = wizard(services);
        String src = w.draft().source.database.get();
        String dataset = w.draft().bigQuery.dataset.get();
        SOURCE.exec(src, "INSERT INTO orders VALUES (1, 10), (2, 'NaN')", "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')",
                "INSERT INTO audit_log (what) VALUES ('created')");
        w.replication().plan().run();
        assertThat(w.replication().plan().problem.get()).isNull();
        row(w.destination(), ORDERS).mark(true);
        w.draft().bigQuery.unrepresentable.set(ValuePolicy.NULL);
        w.review().entered();
        w.review().save();
        assertThat(w.review().problem.get()).isNull();
        String name = w.draft().name.get();
        try {
            runFromSavedFile(services, name, w.draft().source.toEndpoint());
            SOURCE.exec(src, "UPDATE orders SET total = 12 WHERE id = 1", "DELETE FROM customers WHERE id = 2",
                    "INSERT INTO audit_log (what) VALUES ('changed')");
            runFromSavedFile(services, name, w.draft().source.toEndpoint());

            StandInTable orders = standIn.table("wizard-project", dataset, "public_orders");
            assertThat(orders.primaryKey()).as("a marked table has no BigQuery key: it is append-only").isEmpty();
            assertThat(rows(orders, "_walbridge_op", "id", "total")).containsExactly(
                    List.of("snapshot", "1", "10"), Arrays.asList("snapshot", "2", null), List.of("update", "1", "12"));
            StandInTable customers = standIn.table("wizard-project", dataset, "public_customers");
            assertThat(customers.primaryKey()).containsExactly("id");
            assertThat(rows(customers, "id", "name")).containsExactly(List.of("1", "Ada"));
            assertThat(rows(standIn.table("wizard-project", dataset, "public_audit_log"), "_walbridge_op", "what"))
                    .containsExactly(List.of("insert", "changed"), List.of("snapshot", "created"));
        } finally {
            running.stopAll(Duration.ofSeconds(30));
            SOURCE.exec(src, "SELECT pg_drop_replication_slot('slot_" + src + "')");
        }
    }

    /** Starts the pipeline as the start screen's Start does (the file read back), and waits until it caught up. */
    private static void runFromSavedFile(Services services, String name, PgEndpoint source) throws Exception {
        StartViewModel start = new StartViewModel(services);
        List<String> started = new ArrayList<>();
        start.start(services.pipelines().load(name), started::add);
        assertThat(start.problem.get()).isNull();
        assertThat(started).containsExactly(name);
        Pipeline p = ((RunningPipelines) services.engine()).byName(name).orElseThrow().pipeline();
        p.stopWhenCaughtUpTo(SourcePosition.current(source));
        assertThat(p.awaitTermination(Duration.ofSeconds(120))).isTrue();
        assertThat(p.metrics().state()).as(p.metrics().failure()).isEqualTo(PipelineState.STOPPED);
    }

    private static List<List<String>> rows(StandInTable table, String... columns) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            List<String> r = new ArrayList<>();
            for (String c : columns) {
                Object v = row.get(c);
                r.add(v == null ? null : v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString());
            }
            out.add(r);
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }
}
