package io.walbridge.core.testing.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** tabledata.list pages: rows as {@code {"f": [{"v": …}]}} with BigQuery's text form of each value. */
final class TableData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss[.SSSSSS]");

    private TableData() {
    }

    static ObjectNode page(StandInTable t, String pageToken, String maxResults, boolean int64Timestamps) {
        List<Map<String, Object>> rows = t.rows();
        List<StandInField> fields = t.fields();
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int size = maxResults == null ? 100_000 : Integer.parseInt(maxResults);
        int to = Math.min(rows.size(), from + size);
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "bigquery#tableDataList");
        o.put("totalRows", String.valueOf(rows.size()));
        if (to < rows.size()) {
            o.put("pageToken", String.valueOf(to));
        }
        ArrayNode out = o.putArray("rows");
        for (Map<String, Object> row : rows.subList(from, to)) {
            ArrayNode cells = out.addObject().putArray("f");
            for (StandInField f : fields) {
                Object v = row.get(f.name().toLowerCase(Locale.ROOT));
                ObjectNode cell = cells.addObject();
                if (v == null) {
                    cell.putNull("v");
                } else if (v instanceof List<?> list) {
                    ArrayNode items = cell.putArray("v");
                    for (Object item : list) {
                        items.addObject().put("v", text(item, int64Timestamps));
                    }
                } else {
                    cell.put("v", text(v, int64Timestamps));
                }
            }
        }
        return o;
    }

    static String text(Object v, boolean int64Timestamps) {
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Instant i) {
            long micros = i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
            return int64Timestamps ? String.valueOf(micros) : String.valueOf(micros / 1e6);
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toLocalDate() + "T" + TIME.format(dt.toLocalTime());
        }
        if (v instanceof LocalTime lt) {
            return TIME.format(lt);
        }
        return String.valueOf(v);
    }
}
