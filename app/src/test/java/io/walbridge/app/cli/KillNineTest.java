package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import io.walbridge.core.testing.SourceWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a running {@code walbridge run} JVM at random points, during the initial copy and while
 * streaming, with the source changing throughout; a rerun then ends with {@code walbridge verify} finding the
 * destination equal to the source. The random points come from a logged seed: rerun a failure with
 * {@code -Dwalbridge.chaos.seed=SEED}. A few iterations by default, many with {@code -Pchaos}.
 */
class KillNineTest {

    private static final Logger log = LoggerFactory.getLogger(KillNineTest.class);
    private static final int ITERATIONS = Integer.getInteger("walbridge.chaos.iterations", 3);
    private static final long SEED = Long.getLong("walbridge.chaos.seed", System.currentTimeMillis());

    private Replication r;

    static IntStream iterations() {
        return IntStream.rangeClosed(1, ITERATIONS);
    }

    @AfterEach
    void dropSlot() {
        if (r != null) {
            r.dropSlot();
        }
    }

    private String[] runArgs(boolean untilCaughtUp) {
        String[] base = {"run", "--source", r.sourceServer.url(r.sourceDb), "--target", r.targetServer.url(r.targetDb),
                "--publication", r.publication, "--slot", r.slot, "--snapshot-workers", "2"};
        if (!untilCaughtUp) {
            return base;
        }
        String[] more = java.util.Arrays.copyOf(base, base.length + 1);
        more[base.length] = "--until-caught-up";
        return more;
    }

    @ParameterizedTest(name = "iteration {0}")
    @MethodSource("iterations")
    void killedDuringTheInitialCopyThenRerunEndsEqual(int iteration) throws Exception {
        Random random = new Random(SEED * 31 + iteration);
        // every other iteration the run creates the slot itself (copy at its exported snapshot)
        r = new Replication(iteration % 2 == 0, withBulk());
        r.source("INSERT INTO bulk SELECT g, md5(g::text) FROM generate_series(1, 100000) g");
        try (SourceWorkload workload = new SourceWorkload(r.sourceServer, r.sourceDb, random.nextLong())) {
            ChildProcess child = ChildProcess.start(runArgs(false));
            assertThat(Replication.await(Duration.ofMinutes(2), () -> output(child).contains("copying")))
                    .as("the copy started; output:%n%s", output(child)).isTrue();
            long delay = random.nextInt(1000);
            Thread.sleep(delay);
            child.killHard();
            log.info("chaos seed {} iteration {}: killed {} ms into the copy (copy finished before: {})", SEED,
                    iteration, delay, output(child).contains("replicating slot"));
            workload.awaitMore(20, Duration.ofSeconds(30));
        }
        rerunAndVerify();
    }

    @ParameterizedTest(name = "iteration {0}")
    @MethodSource("iterations")
    void killedWhileStreamingThenRerunEndsEqual(int iteration) throws Exception {
        Random random = new Random(SEED * 37 + iteration);
        r = new Replication(SourceWorkload.DDL);
        try (SourceWorkload workload = new SourceWorkload(r.sourceServer, r.sourceDb, random.nextLong())) {
            ChildProcess child = ChildProcess.start(runArgs(false));
            assertThat(Replication.await(Duration.ofMinutes(2), () -> appliedTransactions() > 0))
                    .as("streaming started; output:%n%s", output(child)).isTrue();
            long delay = random.nextInt(2000);
            Thread.sleep(delay);
            child.killHard();
            log.info("chaos seed {} iteration {}: killed {} ms into streaming", SEED, iteration, delay);
            workload.awaitMore(20, Duration.ofSeconds(30));
        }
        rerunAndVerify();
    }

    private static String[] withBulk() {
        String[] ddl = java.util.Arrays.copyOf(SourceWorkload.DDL, SourceWorkload.DDL.length + 1);
        ddl[SourceWorkload.DDL.length] = "CREATE TABLE bulk (id int PRIMARY KEY, payload text)";
        return ddl;
    }

    private void rerunAndVerify() {
        CliRun rerun = CliRun.of(runArgs(true));
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();

        CliRun verify = CliRun.of("verify", "--source", r.sourceServer.url(r.sourceDb), "--target",
                r.targetServer.url(r.targetDb), "--wait", "10s");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).doesNotContain("DIFF");
        r.assertSame(SourceWorkload.KEYED_ROWS);
        r.assertSame(SourceWorkload.KEYLESS_ROWS);
    }

    private long appliedTransactions() {
        try {
            String n = r.targetServer.scalar(r.targetDb, "SELECT count(*) FROM walbridge.checkpoint");
            return n == null ? 0 : Long.parseLong(n);
        } catch (IllegalStateException notYetCreated) {
            return 0;
        }
    }

    private static String output(ChildProcess child) {
        try {
            return child.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
