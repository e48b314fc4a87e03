package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.bigquery.BigQueryStandIn;
import io.walbridge.core.testing.bigquery.StandInTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryRunCommandTest {

    static final String PROJECT = "walbridge-cli";

    private Replication r;
    private BigQueryStandIn standIn;

    @AfterEach
    void close() {
        if (r != null) {
            r.dropSlot();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    private String dataset() {
        return "ds_" + r.slot;
    }

    /** The BigQuery table's (id, v) rows as text, sorted, for comparison with the source. */
    static List<List<String>> rows(StandInTable t) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> row : t.rows()) {
            out.add(List.of(String.valueOf(row.get("id")), String.valueOf(row.get("v"))));
        }
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    static List<List<String>> sourceRows(Replication r, String sql) {
        List<List<String>> out = new ArrayList<>(r.sourceRows(sql));
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    @Test
    void runIntoBigQueryUntilCaughtUpReproducesTheSource() {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text)");
        standIn = BigQueryStandIn.start();
        r.source("INSERT INTO items SELECT g, 'v' || g FROM generate_series(1, 200) g");
        CliRun first = CliRun.of("run", "--source", r.sourceServer.url(r.sourceDb), "--target",
                standIn.url(PROJECT, dataset(), "location=EU"), "--publication", r.publication, "--slot", r.slot,
                "--until-caught-up");
        assertThat(first.exitCode()).as(first.err()).isZero();
        r.source("UPDATE items SET v = 'changed' WHERE id < 50", "DELETE FROM items WHERE id > 150");
        CliRun second = CliRun.of("run", "--source", r.sourceServer.url(r.sourceDb), "--target",
                standIn.url(PROJECT, dataset(), "location=EU"), "--publication", r.publication, "--slot", r.slot,
                "--until-caught-up");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(rows(standIn.table(PROJECT, dataset(), "public_items")))
                .containsExactlyElementsOf(sourceRows(r, "SELECT id::text, v FROM items"));
        CliRun verify = CliRun.of("verify", "--source", r.sourceServer.url(r.sourceDb), "--target",
                standIn.url(PROJECT, dataset(), "location=EU"), "--wait", "5s");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.outLines()).contains("OK    public.items  150 rows", "equal: 1 table(s) match");
    }

    @Test
    void survivesKillDashNineAndARerunEndsExact() throws Exception {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, v text)");
        standIn = BigQueryStandIn.start();
        String url = standIn.url(PROJECT, dataset(), null);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 1500; i++) {
                r.source("INSERT INTO items VALUES (" + i + ", 'v') ON CONFLICT (id) DO UPDATE SET v = 'again'",
                        "UPDATE items SET v = v || '+' WHERE id = " + (i / 2));
            }
        });
        writer.start();
        ChildProcess child = ChildProcess.start("run", "--source", r.sourceServer.url(r.sourceDb), "--target", url,
                "--publication", r.publication, "--slot", r.slot);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && rowsIn("public_items") < 200) {
            Thread.sleep(50);
        }
        assertThat(rowsIn("public_items")).as("rows written before the kill; output:%n%s", child.output())
                .isGreaterThanOrEqualTo(200);
        child.killHard();
        writer.join();
        CliRun rerun = CliRun.of("run", "--source", r.sourceServer.url(r.sourceDb), "--target", url,
                "--publication", r.publication, "--slot", r.slot, "--until-caught-up");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rows(standIn.table(PROJECT, dataset(), "public_items")))
                .containsExactlyElementsOf(sourceRows(r, "SELECT id::text, v FROM items"));
    }

    private int rowsIn(String table) {
        StandInTable t = standIn.table(PROJECT, dataset(), table);
        return t == null ? 0 : t.rowCount();
    }

    @Test
    void aMissingKeyFileFailsWithOneClearLineAndTheFix() throws Exception {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY)");
        Path missing = Files.createTempDirectory("wb").resolve("no-such-key.json");
        CliRun run = CliRun.of("run", "--source", r.sourceServer.url(r.sourceDb), "--target",
                "bigquery://my-project/shop?credentials=" + missing, "--publication", r.publication, "--slot", r.slot,
                "--until-caught-up");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: the key file " + missing + " does not exist")
                .contains("fix: download a JSON key of the service account").doesNotContain("\tat ");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsRefusedWithoutShowingItsContents() throws Exception {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY)");
        Path bad = Files.createTempFile("wb-key", ".json");
        Files.writeString(bad, "{\"type\": \"service_account\", \"private_key\": \"TOP-SECRET-KEY-MATERIAL\"}");
        CliRun run = CliRun.of("run", "--source", r.sourceServer.url(r.sourceDb), "--target",
                "bigquery://my-project/shop?credentials=" + bad, "--publication", r.publication, "--slot", r.slot);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot be used").doesNotContain("TOP-SECRET").doesNotContain("\tat ");
    }
}
