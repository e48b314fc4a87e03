package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    private String sourceUrl() {
        return r.sourceServer.url(r.sourceDb);
    }

    private String targetUrl() {
        return r.targetServer.url(r.targetDb);
    }

    @Test
    void runUntilCaughtUpReproducesTheSourceAndExitsZero() {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, name text)", "CREATE TABLE log (line text)",
                "ALTER TABLE log REPLICA IDENTITY FULL");
        r.source("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 500) g",
                "INSERT INTO log SELECT 'x' FROM generate_series(1, 10)", "DELETE FROM items WHERE id % 3 = 0");
        int code = WalBridgeCommand.execute("run", "--source", sourceUrl(), "--target", targetUrl(),
                "--publication", r.publication, "--slot", r.slot, "--until-caught-up");
        assertThat(code).isZero();
        r.assertSame("SELECT * FROM items ORDER BY id");
        r.assertSame("SELECT line, count(*) FROM log GROUP BY line");
    }

    @Test
    void batchLimitsFromTheCommandLineStillReproduceTheSource() {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, name text)");
        r.source("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 300) g",
                "UPDATE items SET name = name || '!' WHERE id % 7 = 0", "DELETE FROM items WHERE id % 5 = 0");
        int code = WalBridgeCommand.execute("run", "--source", sourceUrl(), "--target", targetUrl(),
                "--publication", r.publication, "--slot", r.slot, "--batch-size", "7", "--batch-delay", "0ms",
                "--until-caught-up");
        assertThat(code).isZero();
        r.assertSame("SELECT * FROM items ORDER BY id");
    }

    @Test
    void aBatchSizeBelowOneIsAUsageError() throws Exception {
        ChildProcess child = ChildProcess.start("run", "--source", "postgresql://u@localhost/db", "--target",
                "postgresql://u@localhost/db2", "--publication", "p", "--slot", "s", "--batch-size", "0");
        assertThat(child.waitFor()).isEqualTo(2);
        assertThat(child.output()).contains("--batch-size must be at least 1");
    }

    @Test
    void survivesKillDashNineInTheMiddleOfARun() throws Exception {
        r = new Replication("CREATE TABLE events (id bigserial PRIMARY KEY, kind text, n int)",
                "CREATE TABLE tally (k text, n int)", "ALTER TABLE tally REPLICA IDENTITY FULL");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get() && i < 4000; i++) {
                r.source("INSERT INTO events (kind, n) VALUES ('e', " + i + ")",
                        "INSERT INTO tally VALUES ('t', " + (i % 5) + ")",
                        "UPDATE events SET n = n + 1 WHERE id = " + (i / 2 + 1));
            }
        });
        writer.start();
        ChildProcess child = ChildProcess.start("run", "--source", sourceUrl(), "--target", targetUrl(),
                "--publication", r.publication, "--slot", r.slot);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && appliedRows() < 300) {
            Thread.sleep(50);
        }
        assertThat(appliedRows()).as("rows applied before the kill; output:%n%s", child.output()).isGreaterThanOrEqualTo(300);
        child.killHard();
        writing.set(false);
        writer.join();
        int code = WalBridgeCommand.execute("run", "--source", sourceUrl(), "--target", targetUrl(),
                "--publication", r.publication, "--slot", r.slot, "--until-caught-up");
        assertThat(code).isZero();
        r.assertSame("SELECT * FROM events ORDER BY id");
        r.assertSame("SELECT k, n, count(*) FROM tally GROUP BY k, n ORDER BY k, n");
    }

    private long appliedRows() {
        try {
            String n = r.targetServer.scalar(r.targetDb, "SELECT count(*) FROM events");
            return n == null ? 0 : Long.parseLong(n);
        } catch (IllegalStateException tableNotYetCreated) {
            return 0;
        }
    }

    @Test
    void missingPublicationFailsWithOneClearLineAndNeverShowsThePassword() throws Exception {
        r = new Replication("CREATE TABLE t (id int PRIMARY KEY)");
        String withPassword = sourceUrl().replace("postgres@", "postgres:Sup3r-S3cret@");
        ChildProcess child = ChildProcess.start("run", "--source", withPassword, "--target", targetUrl(),
                "--publication", "no_such_pub", "--slot", r.slot, "--until-caught-up");
        assertThat(child.waitFor()).isEqualTo(1);
        String out = child.output();
        assertThat(out).contains("error: publication \"no_such_pub\" does not exist on the source")
                .contains("fix: create it with: walbridge setup")
                .doesNotContain("Sup3r-S3cret")
                .doesNotContain("\tat ");
    }

    @Test
    void malformedTargetUrlIsAUsageErrorWithTheFix() throws Exception {
        ChildProcess child = ChildProcess.start("run", "--source", "postgresql://u:pw123456@localhost/db",
                "--target", "mysql://nope", "--publication", "p", "--slot", "s");
        assertThat(child.waitFor()).isEqualTo(1);
        assertThat(child.output()).contains("must start with postgresql://").doesNotContain("pw123456");
        assertThat(List.of(child.output().split("\n"))).noneMatch(l -> l.startsWith("\tat "));
    }
}
