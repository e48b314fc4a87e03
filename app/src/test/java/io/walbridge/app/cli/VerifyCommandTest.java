package io.walbridge.app.cli;

import io.walbridge.core.testing.Replication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {

    private Replication r;

    @AfterEach
    void dropSlot() {
        r.dropSlot();
    }

    @Test
    void exitsZeroWhenEqualAndOneWithTheDifferingKeys() {
        r = new Replication("CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 2000) g");
        assertThat(WalBridgeCommand.execute("run", "--source", r.sourceServer.url(r.sourceDb), "--target",
                r.targetServer.url(r.targetDb), "--publication", r.publication, "--slot", r.slot, "--until-caught-up")).isZero();

        CliRun equal = CliRun.of("verify", "--source", r.sourceServer.url(r.sourceDb), "--target", r.targetServer.url(r.targetDb),
                "--wait", "5s");
        assertThat(equal.exitCode()).as(equal.out() + equal.err()).isZero();
        assertThat(equal.out()).contains("OK    public.items  2,000 rows").contains("equal: 1 table(s) match");

        r.targetServer.exec(r.targetDb, "DELETE FROM items WHERE id = 1500");
        CliRun differ = CliRun.of("verify", "--source", r.sourceServer.url(r.sourceDb), "--target", r.targetServer.url(r.targetDb),
                "--tables", "public.items", "--wait", "5s");
        assertThat(differ.exitCode()).isEqualTo(1);
        assertThat(differ.out()).contains("DIFF  public.items").contains("missing: (1500)").contains("not equal: 1 of 1");
    }
}
