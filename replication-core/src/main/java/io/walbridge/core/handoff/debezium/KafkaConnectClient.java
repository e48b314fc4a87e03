package io.walbridge.core.handoff.debezium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka Connect's REST API, as far as a hand-off needs it: create or update a connector
 * ({@code PUT /connectors/{name}/config}) and read its status. Failures become a problem and a fix; the
 * configuration sent may hold a password, so it is never logged and every message is scrubbed of it.
 */
public final class KafkaConnectClient {

    /** What {@link #createOrUpdate} did. */
    public enum Outcome { CREATED, UPDATED }

    /** How many lines of a Java stack trace are worth showing: the exception and where it was thrown. */
    static final int TRACE_LINES = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public KafkaConnectClient(String url) {
        String problem = DebeziumSettings.urlProblem(url);
        if (problem != null) {
            throw new UserFacingException("the Kafka Connect URL '" + url + "' cannot be used", problem);
        }
        String u = url.strip();
        this.base = URI.create(u.endsWith("/") ? u : u + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Creates the connector, or replaces the configuration of the one with this name. The configuration is
     * validated by the worker first, so what is wrong (a refused login, an unknown value) is reported field by
     * field rather than as the create call's single error.
     */
    public Outcome createOrUpdate(String name, Map<String, String> config) {
        Secret password = new Secret(config.get(DebeziumConnectorConfig.PASSWORD_KEY));
        Map<String, String> named = new java.util.LinkedHashMap<>(config);
        named.put("name", name);
        List<String> problems = validate(named);
        if (!problems.isEmpty()) {
            throw new UserFacingException("Kafka Connect found " + problems.size() + " problem(s) in the configuration"
                    + " of connector '" + name + "' (HTTP 400): " + password.scrub(String.join("; ", problems)),
                    "correct what is named; a login or TLS problem is the database's answer to the Connect worker,"
                            + " which connects from its own host");
        }
        String body = json(config);
        HttpRequest request = HttpRequest.newBuilder(resource(name, "config")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request, password);
        return switch (response.statusCode()) {
            case 201 -> Outcome.CREATED;
            case 200 -> Outcome.UPDATED;
            default -> throw failure("Kafka Connect refused the connector '" + name + "'", response, password);
        };
    }

    /**
     * Asks the worker to check a configuration without creating anything ({@code PUT
     * /connector-plugins/{class}/config/validate}); the Debezium plugin also tries the login. Returns
     * "field: problem" lines, empty when the configuration is valid. The worker wants the connector's name in it.
     */
    public List<String> validate(Map<String, String> config) {
        Secret password = new Secret(config.get(DebeziumConnectorConfig.PASSWORD_KEY));
        String plugin = config.getOrDefault("connector.class", DebeziumConnectorConfig.CONNECTOR_CLASS);
        URI uri = base.resolve("connector-plugins/" + URLEncoder.encode(plugin, StandardCharsets.UTF_8)
                + "/config/validate");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(config))).build();
        HttpResponse<String> response = send(request, password);
        if (response.statusCode() == 404) {
            throw new UserFacingException("the Kafka Connect worker at " + base + " has no plugin " + plugin,
                    "install the Debezium PostgreSQL connector on every worker (unpack it into a folder of the"
                            + " worker's plugin.path) and restart the workers");
        }
        if (response.statusCode() != 200) {
            throw failure("Kafka Connect could not check the configuration", response, password);
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode c : parse(response.body()).path("configs")) {
            JsonNode value = c.path("value");
            for (JsonNode error : value.path("errors")) {
                problems.add(value.path("name").asText("?") + ": " + firstLines(error.asText()));
            }
        }
        return problems;
    }

    public ConnectorStatus status(String name) {
        HttpRequest request = HttpRequest.newBuilder(resource(name, "status")).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request, Secret.NONE);
        if (response.statusCode() == 404) {
            throw new UserFacingException("Kafka Connect at " + base + " has no connector named '" + name + "'",
                    "create it first (Create/update on Connect), or check the connector name");
        }
        if (response.statusCode() != 200) {
            throw failure("the status of connector '" + name + "' could not be read", response, Secret.NONE);
        }
        JsonNode root = parse(response.body());
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        for (JsonNode t : root.path("tasks")) {
            tasks.add(new ConnectorStatus.TaskStatus(t.path("id").asInt(), t.path("state").asText(),
                    text(t, "worker_id"), firstLines(text(t, "trace"))));
        }
        JsonNode c = root.path("connector");
        return new ConnectorStatus(root.path("name").asText(name), c.path("state").asText("UNKNOWN"),
                text(c, "worker_id"), firstLines(text(c, "trace")), tasks);
    }

    private static String json(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private URI resource(String name, String what) {
        // a connector name may hold characters a path must escape; Connect decodes them again
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return base.resolve("connectors/" + encoded + "/" + what);
    }

    private HttpResponse<String> send(HttpRequest request, Secret password) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("timed out connecting");
        } catch (HttpTimeoutException e) {
            throw new UserFacingException("Kafka Connect at " + base + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", "check the worker's log; a rebalance can hold requests, try again");
        } catch (ConnectException e) {
            throw unreachable("connection refused or no route");
        } catch (IOException e) {
            throw unreachable(password.scrub(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("the request to Kafka Connect was stopped", "");
        }
    }

    private UserFacingException unreachable(String why) {
        return new UserFacingException("Kafka Connect at " + base + " cannot be reached (" + why + ")",
                "check the URL (Connect's REST port is 8083 unless listeners says otherwise), that a worker runs,"
                        + " and that a firewall lets this machine reach it");
    }

    private static UserFacingException failure(String what, HttpResponse<String> response, Secret password) {
        int code = response.statusCode();
        String message = password.scrub(messageOf(response.body()));
        String fix = switch (code) {
            case 400 -> "correct the configuration named in the message; the connector plugin must be installed on"
                    + " every worker (GET /connector-plugins lists them)";
            case 401, 403 -> "this Connect worker needs credentials; create the connector with curl and the worker's"
                    + " REST authentication, using the saved configuration";
            case 409 -> "the Connect cluster is rebalancing; wait a few seconds and try again";
            default -> "check the Connect worker's log for this error";
        };
        return new UserFacingException(what + " (HTTP " + code + "): " + message, fix);
    }

    /** Connect answers errors as {"error_code": …, "message": …}; anything else is shown in its first lines. */
    private static String messageOf(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("message")) {
                return firstLines(n.get("message").asText());
            }
        } catch (IOException e) {
            // not JSON: a proxy's page, say
        }
        return firstLines(body == null || body.isBlank() ? "(no message)" : body);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UserFacingException("Kafka Connect answered with something that is not JSON: " + firstLines(body),
                    "check that the URL points at Connect's REST API and not at another service");
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** The first lines of a trace: the exception with its message and where it came from, not 200 frames. */
    static String firstLines(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        List<String> lines = trace.strip().lines().limit(TRACE_LINES).toList();
        long total = trace.strip().lines().count();
        return String.join("\n", lines).strip() + (total > TRACE_LINES ? "\n… (" + (total - TRACE_LINES)
                + " more lines in the worker's log)" : "");
    }
}
