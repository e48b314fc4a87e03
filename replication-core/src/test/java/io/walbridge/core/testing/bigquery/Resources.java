package io.walbridge.core.testing.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Dataset and table resources as BigQuery's REST API writes them, and table schemas read from requests. */
final class Resources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Resources() {
    }

    static ObjectNode dataset(StandInStore.Dataset d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "bigquery#dataset");
        o.put("id", d.project() + ":" + d.name());
        ObjectNode ref = o.putObject("datasetReference");
        ref.put("projectId", d.project());
        ref.put("datasetId", d.name());
        o.put("location", d.location());
        return o;
    }

    static ObjectNode table(String project, String dataset, StandInTable t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "bigquery#table");
        o.put("id", project + ":" + dataset + "." + t.name());
        o.put("type", "TABLE");
        ObjectNode ref = o.putObject("tableReference");
        ref.put("projectId", project);
        ref.put("datasetId", dataset);
        ref.put("tableId", t.name());
        ArrayNode fields = o.putObject("schema").putArray("fields");
        for (StandInField f : t.fields()) {
            ObjectNode fo = fields.addObject();
            fo.put("name", f.name());
            fo.put("type", f.type());
            fo.put("mode", f.mode());
            if (f.description() != null) {
                fo.put("description", f.description());
            }
        }
        if (!t.primaryKey().isEmpty()) {
            ArrayNode cols = o.putObject("tableConstraints").putObject("primaryKey").putArray("columns");
            t.primaryKey().forEach(cols::add);
        }
        if (t.description() != null) {
            o.put("description", t.description());
        }
        if (t.maxStaleness() != null) {
            o.put("maxStaleness", t.maxStaleness());
        }
        o.put("numRows", String.valueOf(t.rowCount()));
        o.put("creationTime", String.valueOf(t.created()));
        o.put("location", "US");
        return o;
    }

    static List<StandInField> fields(JsonNode schema) {
        List<StandInField> out = new ArrayList<>();
        for (JsonNode f : schema.path("fields")) {
            out.add(new StandInField(f.path("name").asText(), f.path("type").asText(),
                    f.path("mode").isMissingNode() ? null : f.path("mode").asText(), f.path("description").asText(null)));
        }
        return out;
    }
}
