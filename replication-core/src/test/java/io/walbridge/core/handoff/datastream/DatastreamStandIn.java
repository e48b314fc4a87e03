package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Google's Datastream API (v1) and OAuth token endpoint, on 127.0.0.1 only: it checks each
 * request the way the real API documents it (paths, ids, required fields, references between resources),
 * records it, and answers with long-running operations that finish on the second poll. No request leaves this
 * machine; nothing here proves what Google's servers accept beyond the documented shapes.
 */
public final class DatastreamStandIn implements AutoCloseable {

    /** One request as received. */
    public record Recorded(String method, String path, Map<String, String> query, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROFILES = Pattern.compile("/v1/projects/([a-z0-9-]+)/locations/([a-z0-9-]+)/connectionProfiles");
    private static final Pattern STREAMS = Pattern.compile("/v1/projects/([a-z0-9-]+)/locations/([a-z0-9-]+)/streams");
    private static final Pattern STREAM = Pattern.compile("/v1/projects/([a-z0-9-]+)/locations/([a-z0-9-]+)/streams/([a-z0-9-]+)");
    private static final Pattern OPERATION = Pattern.compile("/v1/(projects/[a-z0-9-]+/locations/[a-z0-9-]+/operations/op-\\d+)");
    private static final Pattern STATIC_IPS = Pattern.compile("/v1/projects/[a-z0-9-]+/locations/([a-z0-9-]+):fetchStaticIps");
    private static final Pattern ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> resources = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String acceptedToken = "standin-token";

    public DatastreamStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Form fields of each token request (the JWT-bearer grant of a service-account key). */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public JsonNode resource(String name) {
        return resources.get(name);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            if (path.equals("/token")) {
                token(ex, new String(raw, StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(new Recorded(ex.getRequestMethod(), path, query, auth, body));
            if (!("Bearer " + acceptedToken).equals(auth)) {
                error(ex, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
                return;
            }
            route(ex, ex.getRequestMethod(), path, query, body);
        } catch (RuntimeException e) {
            error(ex, 500, "INTERNAL", "stand-in failure: " + e);
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> query, JsonNode body)
            throws IOException {
        Matcher m;
        if (method.equals("POST") && (m = PROFILES.matcher(path)).matches()) {
            create(ex, parent(m), "connectionProfiles", query.get("connectionProfileId"), body, this::checkProfile);
        } else if (method.equals("POST") && (m = STREAMS.matcher(path)).matches()) {
            String parent = parent(m);
            create(ex, parent, "streams", query.get("streamId"), body, b -> checkStream(parent, b));
        } else if (method.equals("PATCH") && (m = STREAM.matcher(path)).matches()) {
            String name = "projects/" + m.group(1) + "/locations/" + m.group(2) + "/streams/" + m.group(3);
            ObjectNode stream = (ObjectNode) resources.get(name);
            if (stream == null) {
                error(ex, 404, "NOT_FOUND", "Resource '" + name + "' was not found");
            } else if (!"state".equals(query.get("updateMask")) || body == null || !body.path("state").asText().equals("RUNNING")) {
                error(ex, 400, "INVALID_ARGUMENT", "updateMask must be 'state' and state RUNNING");
            } else {
                stream.put("state", "RUNNING");
                operation(ex, parent(m), stream);
            }
        } else if (method.equals("GET") && (m = OPERATION.matcher(path)).matches()) {
            String name = m.group(1);
            int seen = polls.merge(name, 1, Integer::sum);
            ObjectNode op = JSON.createObjectNode().put("name", name).put("done", seen >= 2);
            if (seen >= 2) {
                op.set("response", resources.getOrDefault(name, JSON.createObjectNode()));
            }
            send(ex, 200, op);
        } else if (method.equals("GET") && (m = STATIC_IPS.matcher(path)).matches()) {
            // documentation addresses (RFC 5737): a real region answers with its own
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("staticIps").add("203.0.113.10").add("203.0.113.11");
            send(ex, 200, answer);
        } else {
            error(ex, 404, "NOT_FOUND", "no such method: " + method + " " + path);
        }
    }

    private void create(HttpExchange ex, String parent, String collection, String id, JsonNode body,
                        java.util.function.Function<JsonNode, String> check) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            error(ex, 400, "INVALID_ARGUMENT", "invalid resource id: " + id);
            return;
        }
        String name = parent + "/" + collection + "/" + id;
        if (resources.containsKey(name)) {
            error(ex, 409, "ALREADY_EXISTS", "Resource '" + name + "' already exists");
            return;
        }
        String problem = body == null ? "request body is required" : check.apply(body);
        if (problem != null) {
            error(ex, 400, "INVALID_ARGUMENT", problem);
            return;
        }
        ObjectNode stored = body.deepCopy();
        stored.put("name", name);
        if (collection.equals("streams")) {
            stored.put("state", "NOT_STARTED");
        }
        resources.put(name, stored);
        operation(ex, parent, stored);
    }

    private String checkProfile(JsonNode b) {
        if (!b.hasNonNull("displayName")) {
            return "displayName is required";
        }
        boolean pg = b.has("postgresqlProfile");
        boolean bq = b.has("bigqueryProfile");
        if (pg == bq) {
            return "exactly one of postgresqlProfile and bigqueryProfile is expected here";
        }
        if (bq) {
            return null;
        }
        JsonNode p = b.get("postgresqlProfile");
        for (String f : List.of("hostname", "username", "database", "password")) {
            if (!p.hasNonNull(f) || p.get(f).asText().isBlank()) {
                return "postgresqlProfile." + f + " is required";
            }
        }
        if (!p.path("port").isInt()) {
            return "postgresqlProfile.port must be an integer";
        }
        JsonNode ssl = p.path("sslConfig").path("serverVerification");
        if (!ssl.isMissingNode() && !ssl.path("caCertificate").asText().startsWith("-----BEGIN CERTIFICATE-----")) {
            return "sslConfig.serverVerification.caCertificate must be a PEM certificate";
        }
        if (!b.has("staticServiceIpConnectivity") && !b.has("privateConnectivity") && !b.has("forwardSshConnectivity")) {
            return "a connectivity method is required for a PostgreSQL profile";
        }
        return null;
    }

    private String checkStream(String parent, JsonNode b) {
        String src = b.path("sourceConfig").path("sourceConnectionProfile").asText();
        String dst = b.path("destinationConfig").path("destinationConnectionProfile").asText();
        if (!resources.containsKey(src) || !resources.get(src).has("postgresqlProfile")) {
            return "sourceConnectionProfile " + src + " is not a PostgreSQL profile in " + parent;
        }
        if (!resources.containsKey(dst) || !resources.get(dst).has("bigqueryProfile")) {
            return "destinationConnectionProfile " + dst + " is not a BigQuery profile in " + parent;
        }
        JsonNode pg = b.path("sourceConfig").path("postgresqlSourceConfig");
        if (pg.path("replicationSlot").asText().isEmpty() || pg.path("publication").asText().isEmpty()) {
            return "postgresqlSourceConfig.replicationSlot and .publication are required";
        }
        JsonNode bq = b.path("destinationConfig").path("bigqueryDestinationConfig");
        if (!bq.path("dataFreshness").asText().matches("\\d+(\\.\\d+)?s")) {
            return "bigqueryDestinationConfig.dataFreshness must be a duration like 900s";
        }
        if (bq.has("singleTargetDataset") == bq.has("sourceHierarchyDatasets")) {
            return "exactly one of singleTargetDataset and sourceHierarchyDatasets is expected";
        }
        if (!b.has("backfillAll") && !b.has("backfillNone")) {
            return "one of backfillAll and backfillNone is required";
        }
        return null;
    }

    private void operation(HttpExchange ex, String parent, JsonNode result) throws IOException {
        String name = parent + "/operations/op-" + counter.incrementAndGet();
        resources.put(name, result);
        send(ex, 200, JSON.createObjectNode().put("name", name).put("done", false));
    }

    private void token(HttpExchange ex, String form) throws IOException {
        Map<String, String> fields = query(form);
        tokenRequests.add(fields);
        String assertion = fields.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.");
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type")) || parts.length != 3) {
            send(ex, 400, JSON.createObjectNode().put("error", "invalid_grant"));
            return;
        }
        acceptedToken = "standin-token-" + counter.incrementAndGet();
        send(ex, 200, JSON.createObjectNode().put("access_token", acceptedToken).put("expires_in", 3600)
                .put("token_type", "Bearer"));
    }

    /**
     * Writes a service-account key file as the console downloads it (a fresh RSA key), whose token endpoint is
     * this stand-in, so google-auth-library's real key-file flow runs against it.
     */
    public Path writeKeyFile(Path dir) throws Exception {
        java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        String pkcs8 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(gen.generateKeyPair().getPrivate().getEncoded());
        ObjectNode key = JSON.createObjectNode();
        key.put("type", "service_account");
        key.put("project_id", "shop-analytics");
        key.put("private_key_id", "0123456789abcdef");
        key.put("private_key", "-----BEGIN PRIVATE KEY-----\n" + pkcs8 + "\n-----END PRIVATE KEY-----\n");
        key.put("client_email", "datastream-maker@shop-analytics.iam.gserviceaccount.com");
        key.put("client_id", "123456789");
        key.put("token_uri", base() + "/token");
        Path file = dir.resolve("key.json");
        java.nio.file.Files.writeString(file, key.toString());
        return file;
    }

    /** The claims of the JWT a token request carried. */
    public static JsonNode claims(Map<String, String> tokenRequest) throws IOException {
        String payload = tokenRequest.get("assertion").split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static String parent(Matcher m) {
        return "projects/" + m.group(1) + "/locations/" + m.group(2);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void error(HttpExchange ex, int code, String status, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("code", code).put("message", message).put("status", status);
        send(ex, code, e);
    }

    private static void send(HttpExchange ex, int code, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    public List<String> names() {
        return new ArrayList<>(resources.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
