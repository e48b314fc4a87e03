package io.walbridge.core.testing.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in's REST side (BigQuery API v2, the subset WalBridge uses): datasets get/insert, tables
 * get/insert/patch/update/delete, tabledata.list, and jobs.query for the two statements WalBridge sends
 * ({@link StandInStatements}). Anything else answers 501 saying the stand-in does not offer it.
 */
final class StandInRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASETS = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets");
    private static final Pattern DATASET = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)");
    private static final Pattern TABLES = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables");
    private static final Pattern TABLE = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)");
    private static final Pattern DATA = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/data");
    private static final Pattern QUERIES = Pattern.compile("/bigquery/v2/projects/([^/]+)/queries");

    private final StandInStore store;
    private final StandInFaults faults;
    private final StandInStatements statements;

    StandInRest(StandInStore store, StandInFaults faults) {
        this.store = store;
        this.faults = faults;
        this.statements = new StandInStatements(store);
    }

    void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String override = ex.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            if (override != null) {
                method = override;
            }
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            JsonNode body = ex.getRequestBody().available() > 0 || method.equals("POST") || method.equals("PATCH")
                    || method.equals("PUT") ? readBody(ex) : null;
            if (faults.restFault()) {
                error(ex, 503, "backendError", "stand-in: the service is unavailable (injected)");
                return;
            }
            route(ex, method, path, query, body);
        } catch (RuntimeException | IOException e) {
            error(ex, 500, "internalError", "stand-in: " + e);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> q, JsonNode body) throws IOException {
        Matcher m;
        if ((m = DATA.matcher(path)).matches() && method.equals("GET")) {
            StandInTable t = store.table(m.group(1), m.group(2), m.group(3));
            if (t == null) {
                notFound(ex, "Table " + m.group(1) + ":" + m.group(2) + "." + m.group(3));
            } else {
                send(ex, 200, TableData.page(t, q.get("pageToken"), q.get("maxResults"),
                        "true".equals(q.get("formatOptions.useInt64Timestamp"))));
            }
        } else if ((m = TABLE.matcher(path)).matches()) {
            table(ex, method, m.group(1), m.group(2), m.group(3), body);
        } else if ((m = TABLES.matcher(path)).matches() && method.equals("POST")) {
            createTable(ex, m.group(1), m.group(2), body);
        } else if ((m = DATASET.matcher(path)).matches() && method.equals("GET")) {
            StandInStore.Dataset d = store.dataset(m.group(1), m.group(2));
            if (d == null) {
                notFound(ex, "Dataset " + m.group(1) + ":" + m.group(2));
            } else {
                send(ex, 200, Resources.dataset(d));
            }
        } else if ((m = DATASETS.matcher(path)).matches() && method.equals("POST")) {
            String name = body.path("datasetReference").path("datasetId").asText();
            String location = body.path("location").isMissingNode() ? null : body.path("location").asText();
            if (!store.createDataset(m.group(1), name, location)) {
                error(ex, 409, "duplicate", "Already Exists: Dataset " + m.group(1) + ":" + name);
            } else {
                send(ex, 200, Resources.dataset(store.dataset(m.group(1), name)));
            }
        } else if ((m = QUERIES.matcher(path)).matches() && method.equals("POST")) {
            StandInStatements.Outcome o = statements.run(m.group(1), body.path("query").asText());
            if (o.error() != null) {
                error(ex, o.status(), o.reason(), o.error());
            } else {
                ObjectNode r = JSON.createObjectNode();
                r.put("kind", "bigquery#queryResponse");
                ObjectNode job = r.putObject("jobReference");
                job.put("projectId", m.group(1));
                job.put("jobId", "standin_" + System.nanoTime());
                job.put("location", "US");
                r.put("jobComplete", true);
                r.put("totalRows", "0");
                r.putObject("schema").putArray("fields");
                r.putArray("rows");
                r.put("numDmlAffectedRows", String.valueOf(o.affectedRows()));
                send(ex, 200, r);
            }
        } else {
            error(ex, 501, "notImplemented", "stand-in: " + method + " " + path + " is not offered");
        }
    }

    private void table(HttpExchange ex, String method, String project, String dataset, String name, JsonNode body)
            throws IOException {
        StandInTable t = store.table(project, dataset, name);
        if (t == null) {
            notFound(ex, "Table " + project + ":" + dataset + "." + name);
            return;
        }
        switch (method) {
            case "GET" -> send(ex, 200, Resources.table(project, dataset, t));
            case "DELETE" -> {
                store.dropTable(project, dataset, name);
                ex.sendResponseHeaders(204, -1);
            }
            case "PATCH", "PUT" -> {
                if (body.has("schema")) {
                    String problem = t.replaceSchema(Resources.fields(body.path("schema")));
                    if (problem != null) {
                        error(ex, 400, "invalid", problem);
                        return;
                    }
                }
                send(ex, 200, Resources.table(project, dataset, t));
            }
            default -> error(ex, 501, "notImplemented", "stand-in: " + method + " on a table is not offered");
        }
    }

    private void createTable(HttpExchange ex, String project, String dataset, JsonNode body) throws IOException {
        if (store.dataset(project, dataset) == null) {
            notFound(ex, "Dataset " + project + ":" + dataset);
            return;
        }
        String name = body.path("tableReference").path("tableId").asText();
        List<String> pk = new ArrayList<>();
        body.path("tableConstraints").path("primaryKey").path("columns").forEach(c -> pk.add(c.asText()));
        if (pk.size() > 16) {
            error(ex, 400, "invalid", "a primary key has at most 16 columns");
            return;
        }
        StandInTable t = store.createTable(project, dataset, name, Resources.fields(body.path("schema")), pk,
                body.path("description").asText(null));
        if (t == null) {
            error(ex, 409, "duplicate", "Already Exists: Table " + project + ":" + dataset + "." + name);
        } else {
            send(ex, 200, Resources.table(project, dataset, t));
        }
    }

    private static JsonNode readBody(HttpExchange ex) throws IOException {
        java.io.InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new java.util.zip.GZIPInputStream(in); // Google's client compresses request bodies
        }
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void notFound(HttpExchange ex, String what) throws IOException {
        error(ex, 404, "notFound", "Not found: " + what);
    }

    static void error(HttpExchange ex, int code, String reason, String message) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        ArrayNode errors = err.putArray("errors");
        ObjectNode e = errors.addObject();
        e.put("message", message);
        e.put("domain", "global");
        e.put("reason", reason);
        send(ex, code, root);
    }

    static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
