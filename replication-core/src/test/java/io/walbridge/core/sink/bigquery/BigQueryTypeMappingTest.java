package io.walbridge.core.sink.bigquery;

import io.walbridge.core.pipeline.Pipeline;
import io.walbridge.core.pipeline.PipelineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryTypeMappingTest {

    private static final String DDL = """
            CREATE TABLE types (
              id bigint PRIMARY KEY, small smallint, num numeric(12,2), big numeric(40,10), anynum numeric,
              huge numeric(80,2), r real, d double precision, ts timestamp, tstz timestamptz, dt date, tm time,
              tmtz timetz, iv interval, u uuid, j json, jb jsonb, b bytea, ia integer[], ta text[], m mood, ma mood[],
              p positive, ip inet, net cidr, mac macaddr, money money, c char(5), vc varchar(10), t text, bo boolean,
              bits bit varying(8), pt point, x xml)""";
    private static final String ROW_1 = """
            (%d, 32767, 1234.5, 123456789012345678901234567890.0123456789, 3.14159, 1e70, 'Infinity', '-Infinity',
             'infinity', '2024-02-29 12:34:56.789+05:30', '2024-02-29', '23:59:59.999999', '23:59:59.999999+14',
             '1 year 2 mons -3 days 04:05:06.789', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": 1,  "a": [1, 2]}',
             '{"b": 1, "a": [1, 2]}', '\\x00ff10', '{1,2,3}', '{"a b","c\\"d",""}', 'happy', '{sad,ok}', 7,
             '192.168.1.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', '$1,234.56', 'ab', 'hé ☕', E'line1\\nline2\\ttab', true,
             B'1011', '(1.5,-2)', '<a>x</a>')""";
    private static final String ROW_2 = """
            (%d, -32768, -0.01, -1, 0.000000001, -1, 'NaN', 1.7976931348623157e308, '-infinity', '-infinity', 'infinity',
             '00:00:00', '00:00:00-12', '-178000000 years', '00000000-0000-0000-0000-000000000000', 'null', '[]', '\\x',
             '{}', '{}', 'sad', '{}', 1, '::1', '::/0', 'ff:ff:ff:ff:ff:ff', '-$0.01', '', '', '', false, B'', '(0,0)', '')""";

    private StandInReplication r;

    @AfterEach
    void close() {
        if (r != null) {
            r.close();
        }
    }

    @Test
    void everyMappedTypeArrivesWithItsBigQueryValueByCopyAndByStream() {
        r = new StandInReplication("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)", DDL);
        r.source.source("INSERT INTO types VALUES " + ROW_1.formatted(1) + ", " + ROW_2.formatted(2) + ", (3"
                + ", NULL".repeat(33) + ")");
        r.catchUp();
        r.source.source("INSERT INTO types VALUES " + ROW_1.formatted(11) + ", " + ROW_2.formatted(12) + ", (13"
                + ", NULL".repeat(33) + ")");
        r.catchUp();
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        r.table("public_types").rows().forEach(row -> rows.put((Long) row.get("id"), row));
        assertThat(rows).hasSize(6);
        for (long base : new long[]{0, 10}) {
            assertValues(rows.get(base + 1), expectedFirst());
            assertValues(rows.get(base + 2), expectedSecond());
            // BigQuery stores a NULL array as an empty one
            assertThat(rows.get(base + 3)).as("all NULL").containsEntry("ia", List.of()).containsEntry("ma", List.of())
                    .containsOnlyKeys(rows.get(base + 3).keySet().stream().filter(k -> k.equals("id") || k.startsWith("_walbridge")
                            || k.equals("ia") || k.equals("ta") || k.equals("ma")).toList());
        }
        assertThat(rows.get(1L).get("_walbridge_lsn")).as("copied rows have no LSN").isNull();
        assertThat(rows.get(11L).get("_walbridge_lsn")).as("streamed rows carry their commit LSN").isInstanceOf(Long.class);
        assertThat(rows.get(11L).get("_walbridge_commit_time")).isInstanceOf(Instant.class);
        Map<String, String> types = new HashMap<>();
        r.table("public_types").fields().forEach(f -> types.put(f.name(), f.mode().equals("REPEATED") ? f.type() + "[]" : f.type()));
        assertThat(types).containsEntry("num", "NUMERIC").containsEntry("big", "BIGNUMERIC").containsEntry("anynum", "BIGNUMERIC")
                .containsEntry("huge", "STRING").containsEntry("tstz", "TIMESTAMP").containsEntry("ts", "DATETIME")
                .containsEntry("tm", "TIME").containsEntry("tmtz", "STRING").containsEntry("iv", "STRING")
                .containsEntry("j", "JSON").containsEntry("b", "BYTES").containsEntry("ia", "INTEGER[]")
                .containsEntry("ma", "STRING[]").containsEntry("p", "INTEGER").containsEntry("money", "STRING")
                .containsEntry("r", "FLOAT").containsEntry("bo", "BOOLEAN");
    }

    private static Map<String, Object> expectedFirst() {
        Map<String, Object> m = new HashMap<>();
        m.put("small", 32767L);
        m.put("num", new BigDecimal("1234.5"));
        m.put("big", new BigDecimal("123456789012345678901234567890.0123456789"));
        m.put("anynum", new BigDecimal("3.14159"));
        m.put("huge", "1" + "0".repeat(70) + ".00");
        m.put("r", Double.POSITIVE_INFINITY);
        m.put("d", Double.NEGATIVE_INFINITY);
        m.put("ts", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        m.put("tstz", Instant.parse("2024-02-29T07:04:56.789Z"));
        m.put("dt", LocalDate.of(2024, 2, 29));
        m.put("tm", LocalTime.of(23, 59, 59, 999_999_000));
        m.put("tmtz", "23:59:59.999999+14");
        m.put("iv", "P1Y2M-3DT4H5M6.789S");
        m.put("u", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        m.put("j", "{\"b\": 1,  \"a\": [1, 2]}");
        m.put("jb", "{\"a\": [1, 2], \"b\": 1}");
        m.put("b", HexFormat.of().parseHex("00ff10"));
        m.put("ia", List.of(1L, 2L, 3L));
        m.put("ta", List.of("a b", "c\"d", ""));
        m.put("m", "happy");
        m.put("ma", List.of("sad", "ok"));
        m.put("p", 7L);
        m.put("ip", "192.168.1.1/24");
        m.put("net", "10.0.0.0/8");
        m.put("mac", "08:00:2b:01:02:03");
        m.put("money", "$1,234.56");
        m.put("c", "ab   ");
        m.put("vc", "hé ☕");
        m.put("t", "line1\nline2\ttab");
        m.put("bo", true);
        m.put("bits", "1011");
        m.put("pt", "(1.5,-2)");
        m.put("x", "<a>x</a>");
        return m;
    }

    private static Map<String, Object> expectedSecond() {
        Map<String, Object> m = new HashMap<>();
        m.put("small", -32768L);
        m.put("num", new BigDecimal("-0.01"));
        m.put("big", new BigDecimal("-1"));
        m.put("anynum", new BigDecimal("0.000000001"));
        m.put("huge", "-1.00");
        m.put("r", Double.NaN);
        m.put("d", 1.7976931348623157e308);
        m.put("ts", LocalDateTime.of(1, 1, 1, 0, 0));
        m.put("tstz", Instant.parse("0001-01-01T00:00:00Z"));
        m.put("dt", LocalDate.of(9999, 12, 31));
        m.put("tm", LocalTime.MIDNIGHT);
        m.put("tmtz", "00:00:00-12");
        m.put("iv", "P-178000000Y");
        m.put("u", "00000000-0000-0000-0000-000000000000");
        m.put("j", "null");
        m.put("jb", "[]");
        m.put("b", new byte[0]);
        m.put("ia", List.of());
        m.put("ta", List.of());
        m.put("m", "sad");
        m.put("ma", List.of());
        m.put("p", 1L);
        m.put("ip", "::1");
        m.put("net", "::/0");
        m.put("mac", "ff:ff:ff:ff:ff:ff");
        m.put("money", "-$0.01");
        m.put("c", "     ");
        m.put("vc", "");
        m.put("t", "");
        m.put("bo", false);
        m.put("bits", "");
        m.put("pt", "(0,0)");
        m.put("x", "");
        return m;
    }

    private static void assertValues(Map<String, Object> actual, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object a = actual.get(e.getKey());
            if (e.getValue() instanceof BigDecimal d) {
                assertThat((BigDecimal) a).as(e.getKey()).isEqualByComparingTo(d);
            } else {
                assertThat(a).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void aValueBigQueryCannotHoldStopsThePipelineUnlessNullIsAllowed() {
        r = new StandInReplication("CREATE TABLE odd (id int PRIMARY KEY, n numeric(10,2), a int[], d date)");
        r.source.source("INSERT INTO odd VALUES (1, 1.5, '{1}', '2024-01-01')");
        r.catchUp();
        r.source.source("INSERT INTO odd VALUES (2, 'NaN', '{1,NULL,3}', '10000-01-01')");
        Pipeline strict = r.runToEnd(r.pipeline());
        assertThat(strict.metrics().state()).isEqualTo(PipelineState.FAILED);
        assertThat(strict.metrics().failure()).contains("public.odd", "id=2", "column \"n\"", "NaN");
        assertThat(strict.metrics().failureFix()).contains("unrepresentable=null");
        r.withTarget(t -> BigQueryTarget.parse(r.standIn.url(StandInReplication.PROJECT, r.dataset, "unrepresentable=null")));
        r.catchUp();
        assertThat(r.rows("public_odd", "id", "n", "a", "d"))
                .containsExactly(List.of("1", "1.5", "[1]", "2024-01-01"), java.util.Arrays.asList("2", null, "[1, 3]", null));
    }
}
