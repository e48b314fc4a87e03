package io.walbridge.core.change;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LsnTest {

    @Test
    void printsAndParsesThePostgresForm() {
        assertThat(Lsn.parse("16/B374D848").toString()).isEqualTo("16/B374D848");
        assertThat(Lsn.parse("0/0")).isEqualTo(Lsn.ZERO);
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF").isAfter(Lsn.parse("1/0"))).isTrue();
    }

    @Test
    void rejectsGarbageInsteadOfReturningZero() {
        for (String bad : new String[]{"garbage", "1/", "/1", "1/2/3", "G/1", "100000000/0"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
