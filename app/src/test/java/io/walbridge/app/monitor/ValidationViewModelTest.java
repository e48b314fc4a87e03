package io.walbridge.app.monitor;

import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.pipeline.PipelineState;
import io.walbridge.core.verify.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Validate replication from a running pipeline's dashboard: equal tables are OK, a changed row is a DIFF naming its key. */
class ValidationViewModelTest {

    @TempDir
    Path state;
    private MonitorFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void equalTablesAreOkAndARowChangedOnTheDestinationIsADiffNamingItsKey() throws Exception {
        f = new MonitorFixture(state, AlertThresholds.DEFAULTS, "CREATE TABLE items (id int PRIMARY KEY, v text)",
                "CREATE TABLE notes (id int PRIMARY KEY, body text)",
                "INSERT INTO items SELECT g, 'v' || g FROM generate_series(1, 300) g",
                "INSERT INTO notes VALUES (1, 'a'), (2, 'b')");
        f.start();
        f.tickUntil("streaming", () -> f.pipeline().metrics().state() == PipelineState.STREAMING);
        f.r.source("UPDATE items SET v = 'streamed' WHERE id = 5");
        ValidationViewModel vm = new ValidationViewModel(f.running.byName(f.saved.name()).orElseThrow(), f.tasks,
                Clock.systemUTC(), new Verifier.Options(Duration.ofSeconds(60), 2));

        vm.start();
        assertThat(vm.problem.get()).isNull();
        assertThat(vm.rows).extracting(ValidationRow::table, ValidationRow::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public.items", "OK"), org.assertj.core.groups.Tuple.tuple("public.notes", "OK"));
        assertThat(vm.rows.get(0).detail()).isEqualTo("300 rows");
        assertThat(vm.status.get()).startsWith("all 2 tables are equal");
        assertThat(vm.progress.get()).isEqualTo(1.0);
        assertThat(vm.running.get()).isFalse();

        f.r.targetServer.exec(f.r.targetDb, "UPDATE items SET v = 'tampered' WHERE id = 42");
        vm.start();
        ValidationRow items = vm.rows.get(0);
        assertThat(items.outcome()).isEqualTo("DIFF");
        assertThat(items.detail()).contains("different: (42)").doesNotContain("(5)");
        assertThat(vm.rows.get(1).ok()).isTrue();
        assertThat(vm.status.get()).startsWith("1 of 2 tables differ");
    }
}
