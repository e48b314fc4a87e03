package io.walbridge.core.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TxidSnapshotTest {

    @Test
    void seesCommittedBeforeXminAndNotInProgressOrLater() {
        TxidSnapshot s = TxidSnapshot.parse("100:110:103,105");
        assertThat(s.sees(99)).isTrue();
        assertThat(s.sees(104)).isTrue();
        assertThat(s.sees(103)).isFalse();
        assertThat(s.sees(105)).isFalse();
        assertThat(s.sees(110)).isFalse();
        assertThat(s.toString()).isEqualTo("100:110:103,105");
    }

    @Test
    void mapsThirtyTwoBitXidsIntoTheSnapshotsEpoch() {
        long epoch = 3L << 32;
        TxidSnapshot s = new TxidSnapshot(epoch + 10, epoch + 20, new long[0]);
        assertThat(s.sees(15)).isTrue();
        assertThat(s.sees(25)).isFalse();
        // just before an epoch boundary, seen from just after it
        TxidSnapshot after = new TxidSnapshot(epoch + 5, epoch + 6, new long[0]);
        assertThat(after.sees(0xFFFFFFF0L)).isTrue();
    }
}
