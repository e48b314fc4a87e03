package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.TableId;
import io.walbridge.core.source.InvalidEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFormsTest {

    @Test
    void intervalsBecomeIso8601DurationsWithEachPartsSign() throws Exception {
        assertThat(IsoInterval.of("1 year 2 mons -3 days +04:05:06.789")).isEqualTo("P1Y2M-3DT4H5M6.789S");
        assertThat(IsoInterval.of("-1 days -00:00:01")).isEqualTo("P-1DT-1S");
        assertThat(IsoInterval.of("00:00:00")).isEqualTo("PT0S");
        assertThat(IsoInterval.of("100:30:00")).isEqualTo("PT100H30M");
        assertThat(IsoInterval.of("P1Y")).isEqualTo("P1Y");
        assertThatThrownBy(() -> IsoInterval.of("@ 1 year")).isInstanceOf(UnrepresentableValue.class);
    }

    @Test
    void arrayLiteralsAreSplitWithQuotesEscapesAndNulls() throws Exception {
        assertThat(PgArrayText.parse("{1,NULL,3}", ',')).containsExactly("1", null, "3");
        assertThat(PgArrayText.parse("{\"a b\",\"NULL\",\"c\\\"d\",\"\"}", ',')).containsExactly("a b", "NULL", "c\"d", "");
        assertThat(PgArrayText.parse("[0:1]={x,y}", ',')).containsExactly("x", "y");
        assertThat(PgArrayText.parse("{(1,2);(3,4)}", ';')).containsExactly("(1,2)", "(3,4)");
        assertThatThrownBy(() -> PgArrayText.parse("{{1,2},{3,4}}", ',')).hasMessageContaining("multi-dimensional");
    }

    @Test
    void copyTextLinesUndoEscapesAndKeepUtf8() {
        byte[] line = "1\ta\\tb\\\\c\\n\t\\N\th\\303\\251 ☕\t\\\\x00ff\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CopyText.parse(line, line.length).cells()).containsExactly(Cell.text("1"), Cell.text("a\tb\\c\n"),
                Cell.NULL, Cell.text("hé ☕"), Cell.text("\\x00ff"));
    }

    @Test
    void numericPrecisionChoosesNumericBignumericOrString() {
        assertThat(TypeMapping.numeric(typmod(12, 2)).kind()).isEqualTo(ColumnType.Kind.NUMERIC);
        assertThat(TypeMapping.numeric(typmod(38, 9)).kind()).isEqualTo(ColumnType.Kind.NUMERIC);
        assertThat(TypeMapping.numeric(typmod(40, 10)).kind()).isEqualTo(ColumnType.Kind.BIGNUMERIC);
        assertThat(TypeMapping.numeric(typmod(20, 12)).kind()).isEqualTo(ColumnType.Kind.BIGNUMERIC);
        assertThat(TypeMapping.numeric(typmod(80, 2)).kind()).isEqualTo(ColumnType.Kind.STRING);
        assertThat(TypeMapping.numeric(-1).kind()).isEqualTo(ColumnType.Kind.BIGNUMERIC);
    }

    private static int typmod(int precision, int scale) {
        return ((precision << 16) | scale) + 4;
    }

    @Test
    void timestampsOutsideBigQueryYearsAreRefusedAndInfinityIsClamped() throws Exception {
        assertThat(PgTemporal.timestampMicros("1970-01-01 01:00:00+01")).isZero();
        assertThat(PgTemporal.timestampMicros("1970-01-01 00:00:00+00:09:21")).isEqualTo(-561_000_000L);
        assertThat(PgTemporal.dateTime("-infinity")).isEqualTo(PgTemporal.MIN_DATETIME);
        assertThatThrownBy(() -> PgTemporal.date("0044-03-15 BC")).hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> PgTemporal.timestampMicros("10000-01-01 00:00:00+00")).hasMessageContaining("9999");
        assertThatThrownBy(() -> PgTemporal.time("24:00:00")).hasMessageContaining("23:59:59.999999");
    }

    @Test
    void sequenceNumbersOrderByCommitLsnThenPosition() {
        assertThat(ChangeSequence.of(Lsn.parse("16/B374D848"), 10)).isEqualTo("16B374D848/A");
        assertThat(ChangeSequence.COPY).isEqualTo("0/0");
    }

    @Test
    void destinationUrlsCarryDatasetLocationKeyPathAndOptions() {
        BigQueryTarget t = BigQueryTarget.parse("bigquery://my-project/shop_copy?location=EU&credentials=/keys/wb.json"
                + "&staleness=5m&append_only=public.events,sales.log&unrepresentable=null");
        assertThat(t.project()).isEqualTo("my-project");
        assertThat(t.dataset()).isEqualTo("shop_copy");
        assertThat(t.location()).isEqualTo("EU");
        assertThat(t.credentials()).isEqualTo(Path.of("/keys/wb.json"));
        assertThat(t.staleness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.appendOnly()).containsExactlyInAnyOrder(new TableId("public", "events"), new TableId("sales", "log"));
        assertThat(t.policy()).isEqualTo(ValuePolicy.NULL);
        assertThat(t.endpoints().isGoogle()).isTrue();
        assertThat(BigQueryTarget.parse("bigquery://p-1/d").staleness()).isEqualTo(BigQueryTarget.DEFAULT_STALENESS);
        assertThat(BigQueryTarget.parse("bigquery://p-1/d?staleness=0").staleness()).isZero();
        for (String bad : List.of("bigquery://Bad_Project/d", "bigquery://p-1/", "bigquery://p-1/d?colour=red",
                "bigquery://p-1/d?staleness=soon", "bigquery://p-1/d?api=http://127.0.0.1:1")) {
            assertThatThrownBy(() -> BigQueryTarget.parse(bad)).as(bad).isInstanceOf(InvalidEndpoint.class);
        }
    }

    @Test
    void byteaEscapeFormIsDecodedToo() {
        assertThat(ByteaText.decode("a\\000\\\\")).isEqualTo(new byte[]{'a', 0, '\\'});
        assertThat(Arrays.equals(ByteaText.decode("\\x00ff"), new byte[]{0, (byte) 0xff})).isTrue();
    }
}
