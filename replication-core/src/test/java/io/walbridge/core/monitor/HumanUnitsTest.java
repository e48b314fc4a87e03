package io.walbridge.core.monitor;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sizes and durations as the CLI reads and prints them. */
class HumanUnitsTest {

    @Test
    void printsSizesInPostgresUnits() {
        assertThat(HumanUnits.bytes(0)).isEqualTo("0 bytes");
        assertThat(HumanUnits.bytes(1)).isEqualTo("1 byte");
        assertThat(HumanUnits.bytes(1023)).isEqualTo("1023 bytes");
        assertThat(HumanUnits.bytes(1536)).isEqualTo("1.5 kB");
        assertThat(HumanUnits.bytes(48L << 20)).isEqualTo("48 MB");
        assertThat(HumanUnits.bytes(10L << 30)).isEqualTo("10 GB");
    }

    @Test
    void readsSizes() {
        assertThat(HumanUnits.parseBytes("10GB")).isEqualTo(10L << 30);
        assertThat(HumanUnits.parseBytes("512 MB")).isEqualTo(512L << 20);
        assertThat(HumanUnits.parseBytes("1kB")).isEqualTo(1024);
        assertThat(HumanUnits.parseBytes("1.5k")).isEqualTo(1536);
        assertThat(HumanUnits.parseBytes("4096")).isEqualTo(4096);
        assertThatThrownBy(() -> HumanUnits.parseBytes("10 parsecs")).hasMessageContaining("unknown size unit 'parsecs'");
        assertThatThrownBy(() -> HumanUnits.parseBytes("-1GB")).hasMessageContaining("not a size");
    }

    @Test
    void readsAndPrintsDurations() {
        assertThat(HumanUnits.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HumanUnits.parseDuration("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(HumanUnits.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(HumanUnits.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(HumanUnits.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(HumanUnits.parseDuration("PT90M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> HumanUnits.parseDuration("soon")).hasMessageContaining("not a duration");
        assertThat(HumanUnits.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(HumanUnits.duration(Duration.ofMinutes(31))).isEqualTo("31 min");
        assertThat(HumanUnits.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(HumanUnits.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
