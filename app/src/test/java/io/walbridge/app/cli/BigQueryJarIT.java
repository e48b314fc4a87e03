package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar, run as users run it, replicates into BigQuery (the stand-in): gRPC's transports and name
 * resolvers are found through service files, which only work when the shade merged them. Runs in
 * {@code integration-test}, after the jar is built.
 */
class BigQueryJarIT {

    @Test
    void theShadedJarReplicatesIntoBigQuery() throws Exception {
        Path jar = Path.of("target", "walbridge.jar");
        assertThat(Files.exists(jar)).as("%s is built before integration tests", jar.toAbsolutePath()).isTrue();
        Replication r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text)");
        try (BigQueryStandIn standIn = BigQueryStandIn.start()) {
            r.source("INSERT INTO items SELECT g, 'v' || g FROM generate_series(1, 100) g");
            String dataset = "jar_" + r.slot;
            ChildProcess child = ChildProcess.startJar(jar, "run", "--source", r.sourceServer.url(r.sourceDb),
                    "--target", standIn.url(BigQueryRunCommandTest.PROJECT, dataset, null),
                    "--publication", r.publication, "--slot", r.slot, "--until-caught-up");
            assertThat(child.process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
            assertThat(child.process.exitValue()).as(child.output()).isZero();
            r.source("UPDATE items SET v = 'x' WHERE id <= 10", "DELETE FROM items WHERE id > 90");
            ChildProcess again = ChildProcess.startJar(jar, "run", "--source", r.sourceServer.url(r.sourceDb),
                    "--target", standIn.url(BigQueryRunCommandTest.PROJECT, dataset, null),
                    "--publication", r.publication, "--slot", r.slot, "--until-caught-up");
            assertThat(again.process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
            assertThat(again.process.exitValue()).as(again.output()).isZero();
            assertThat(again.output()).doesNotContain("INFO: Start connecting stream");
            assertThat(BigQueryRunCommandTest.rows(standIn.table(BigQueryRunCommandTest.PROJECT, dataset, "public_items")))
                    .containsExactlyElementsOf(BigQueryRunCommandTest.sourceRows(r, "SELECT id::text, v FROM items"));
        } finally {
            r.dropSlot();
        }
    }
}
