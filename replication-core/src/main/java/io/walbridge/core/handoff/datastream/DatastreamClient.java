package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes the Datastream requests for real through the REST API (v1): each call returns a long-running operation,
 * polled until done. A resource that already exists is kept, so a second run finishes what a first one left.
 * The base URL is {@link #GOOGLE} except in tests, which point it at a local stand-in.
 */
public final class DatastreamClient {

    public static final URI GOOGLE = URI.create("https://datastream.googleapis.com");

    /** Where bearer tokens come from; {@link GoogleAccessTokens} in the app. */
    @FunctionalInterface
    public interface AccessTokens {
        String bearer();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final AccessTokens tokens;
    private final Duration pollInterval;
    private final Duration operationTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

    public DatastreamClient(URI base, AccessTokens tokens, Duration pollInterval, Duration operationTimeout) {
        this.base = base;
        this.tokens = tokens;
        this.pollInterval = pollInterval;
        this.operationTimeout = operationTimeout;
    }

    /** Against Google, polling every 5 s, waiting up to 10 min per operation (a profile's connection test). */
    public static DatastreamClient google(AccessTokens tokens) {
        return new DatastreamClient(GOOGLE, tokens, Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    /** Creates the profiles and the stream and starts it; returns one line per request, as told to progress. */
    public List<String> create(DatastreamRequests requests, Secret password, Consumer<String> progress) {
        List<String> done = new ArrayList<>();
        for (ApiRequest r : requests.requests(password)) {
            progress.accept("… " + r.title());
            String line = run(r, password);
            done.add(line);
            progress.accept(line);
        }
        return done;
    }

    /** The static addresses Datastream connects from in the settings' region: what the source must allow. */
    public List<String> fetchStaticIps(DatastreamSettings settings) {
        JsonNode answer = call("GET", "/v1/" + settings.parent() + ":fetchStaticIps", null, Secret.NONE,
                "the static IP addresses of region " + settings.region());
        List<String> ips = new ArrayList<>();
        answer.path("staticIps").forEach(ip -> ips.add(ip.asText()));
        return ips;
    }

    private String run(ApiRequest r, Secret password) {
        JsonNode operation;
        try {
            operation = call(r.method(), r.target(), DatastreamRequests.pretty(r.body()), password, r.title());
        } catch (AlreadyExists e) {
            return "✔ " + r.title() + " exists, kept";
        }
        await(operation, r.title(), password);
        return "✔ " + (r.method().equals("PATCH") ? r.title() + ": stream running" : "created " + r.title());
    }

    private void await(JsonNode operation, String what, Secret password) {
        Instant end = Instant.now().plus(operationTimeout);
        JsonNode op = operation;
        while (!op.path("done").asBoolean(false)) {
            if (Instant.now().isAfter(end)) {
                throw new UserFacingException(what + " did not finish within " + operationTimeout.toMinutes()
                        + " min (operation " + op.path("name").asText() + ")",
                        "look at the operation in the Google Cloud console (Datastream); run again to continue");
            }
            sleep();
            op = call("GET", "/v1/" + op.path("name").asText(), null, password, what);
        }
        JsonNode error = op.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new UserFacingException(what + " failed: " + password.scrub(error.path("message").asText("(no message)")),
                    fixFor(httpOf(error.path("code").asInt()), what));
        }
    }

    private JsonNode call(String method, String target, String body, Secret password, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.bearer()).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UserFacingException("the Datastream API at " + base + " cannot be reached: "
                    + password.scrub(String.valueOf(e.getMessage())), "check this machine's internet access and proxy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("the Datastream request was stopped", "run it again to continue");
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() == 409) {
            throw new AlreadyExists();
        }
        if (response.statusCode() / 100 != 2) {
            JsonNode error = json.path("error");
            String message = error.path("message").asText(response.body() == null ? "" : response.body());
            throw new UserFacingException(what + " was refused (HTTP " + response.statusCode() + " "
                    + error.path("status").asText("") + "): " + password.scrub(message).strip(),
                    fixFor(response.statusCode(), what));
        }
        return json;
    }

    private static String fixFor(int code, String what) {
        return switch (code) {
            case 400 -> "correct the value named in the message, then run again";
            case 401 -> "the credentials were not accepted: choose a valid service account key file";
            case 403 -> "give the service account the Datastream Admin role (roles/datastream.admin) in this project,"
                    + " and enable the Datastream API (gcloud services enable datastream.googleapis.com)";
            case 404 -> "check the project id and region; the Datastream API may not be enabled in this project";
            case 412 -> "Datastream could not use the source: check the IP allowlist, the CA and the login, then run again";
            default -> "see the message; run again to continue where this stopped (existing parts are kept)";
        };
    }

    /** Operations report gRPC codes; the fixes are keyed by the HTTP codes the API answers with directly. */
    private static int httpOf(int grpc) {
        return switch (grpc) {
            case 3 -> 400;
            case 5 -> 404;
            case 7 -> 403;
            case 9 -> 412;
            case 16 -> 401;
            default -> 500;
        };
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("the Datastream request was stopped", "run it again to continue");
        }
    }

    /** Google answers 409 ALREADY_EXISTS for an id in use: the resource is kept as it is. */
    private static final class AlreadyExists extends RuntimeException {
        AlreadyExists() {
            super(null, null, false, false);
        }
    }
}
