package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One call of the Datastream REST API (v1), relative to {@code https://datastream.googleapis.com}.
 *
 * @param title what the call makes, for progress lines
 * @param path  e.g. {@code /v1/projects/p/locations/l/connectionProfiles}
 * @param body  the JSON body; null for calls without one
 */
public record ApiRequest(String title, String method, String path, Map<String, String> query, ObjectNode body) {

    public ApiRequest {
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Path and query as sent, e.g. {@code /v1/…/streams?streamId=orders}. */
    public String target() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The request line a DBA can read or paste into a REST tool. */
    public String requestLine() {
        return method + " https://datastream.googleapis.com" + target();
    }
}
