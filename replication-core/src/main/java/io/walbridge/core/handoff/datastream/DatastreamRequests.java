package io.walbridge.core.handoff.datastream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.PreparedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Datastream guides have DBAs click through, for a source WalBridge prepared: a PostgreSQL source
 * connection profile (TLS verified with the CA, IP-allowlist connectivity), a BigQuery destination profile, and a
 * stream over WalBridge's slot and publication, then its start. Both as Datastream REST v1 requests and as
 * {@code gcloud datastream} commands. Shown bodies hold {@link #PASSWORD_PLACEHOLDER}; only the API client puts
 * the real password in, and the gcloud command prompts for it.
 */
public final class DatastreamRequests {

    public static final String PASSWORD_PLACEHOLDER = "REPLACE_WITH_PASSWORD";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PreparedSource source;
    private final DatastreamSettings settings;
    private final String caPem;

    public DatastreamRequests(PreparedSource source, DatastreamSettings settings) {
        this.source = source;
        this.settings = settings;
        String problem = settings.firstProblem();
        if (problem != null) {
            throw new UserFacingException("the Datastream requests cannot be made: " + problem, "correct that field");
        }
        if (source.caFile() == null) {
            // Datastream reaches the source over the internet: the guides have it verify the server, always
            throw new UserFacingException("Datastream needs the server's CA certificate, and none is loaded",
                    "load the CA certificate in the CA step (e.g. aptible environment:ca_cert, or your provider's"
                            + " bundle) so Datastream can verify the server");
        }
        if (source.tables().isEmpty()) {
            throw new UserFacingException("no table is chosen for the stream", "choose the tables in the replication step");
        }
        try {
            this.caPem = Files.readString(source.caFile(), StandardCharsets.US_ASCII).strip() + "\n";
        } catch (IOException e) {
            throw new UserFacingException("the CA certificate " + source.caFile() + " cannot be read: " + e.getMessage(),
                    "load the CA file again in the CA step");
        }
    }

    public DatastreamSettings settings() {
        return settings;
    }

    /** The four calls in the order they must run, with the real password in the source profile. */
    public List<ApiRequest> requests(Secret password) {
        return List.of(sourceProfile(password), destinationProfile(), stream(), startStream());
    }

    /** The same calls as shown and saved: the password is {@link #PASSWORD_PLACEHOLDER}. */
    public List<ApiRequest> shownRequests() {
        return requests(new Secret(PASSWORD_PLACEHOLDER));
    }

    ApiRequest sourceProfile(Secret password) {
        ObjectNode body = JSON.createObjectNode();
        body.put("displayName", source.database() + " on " + source.host() + " (prepared by WalBridge)");
        ObjectNode pg = body.putObject("postgresqlProfile");
        pg.put("hostname", source.host());
        pg.put("port", source.port());
        pg.put("username", source.user());
        pg.put("password", password.isPresent() ? password.value() : PASSWORD_PLACEHOLDER);
        pg.put("database", source.database());
        ObjectNode verification = pg.putObject("sslConfig").putObject("serverVerification");
        verification.put("caCertificate", caPem);
        if ("verify-full".equals(source.sslMode())) {
            // WalBridge checked the certificate against this host name: have Datastream check it too
            verification.put("serverCertificateHostname", source.host());
        }
        // the guides' "IP allowlisting": Datastream connects from the region's published static addresses
        body.putObject("staticServiceIpConnectivity");
        return new ApiRequest("source connection profile " + settings.sourceProfileId(), "POST",
                "/v1/" + settings.parent() + "/connectionProfiles", Map.of("connectionProfileId", settings.sourceProfileId()),
                body);
    }

    ApiRequest destinationProfile() {
        ObjectNode body = JSON.createObjectNode();
        body.put("displayName", "BigQuery in " + settings.project() + " (for " + source.database() + ")");
        body.putObject("bigqueryProfile");
        return new ApiRequest("BigQuery destination profile " + settings.destinationProfileId(), "POST",
                "/v1/" + settings.parent() + "/connectionProfiles",
                Map.of("connectionProfileId", settings.destinationProfileId()), body);
    }

    ApiRequest stream() {
        ObjectNode body = JSON.createObjectNode();
        body.put("displayName", source.database() + " to BigQuery (slot " + source.slot() + ")");
        ObjectNode src = body.putObject("sourceConfig");
        src.put("sourceConnectionProfile", settings.parent() + "/connectionProfiles/" + settings.sourceProfileId());
        src.set("postgresqlSourceConfig", sourceConfig());
        ObjectNode dst = body.putObject("destinationConfig");
        dst.put("destinationConnectionProfile", settings.parent() + "/connectionProfiles/" + settings.destinationProfileId());
        dst.set("bigqueryDestinationConfig", destinationConfig());
        // copy the tables' current rows first, as the console's "backfill historical data" does
        body.putObject("backfillAll");
        return new ApiRequest("stream " + settings.streamId(), "POST", "/v1/" + settings.parent() + "/streams",
                Map.of("streamId", settings.streamId()), body);
    }

    ApiRequest startStream() {
        ObjectNode body = JSON.createObjectNode();
        body.put("state", "RUNNING");
        return new ApiRequest("start of stream " + settings.streamId(), "PATCH",
                "/v1/" + settings.parent() + "/streams/" + settings.streamId(), Map.of("updateMask", "state"), body);
    }

    /** {@code postgresqlSourceConfig}: WalBridge's slot and publication, and the chosen tables by schema. */
    ObjectNode sourceConfig() {
        ObjectNode c = JSON.createObjectNode();
        c.put("replicationSlot", source.slot());
        c.put("publication", source.publication());
        ArrayNode schemas = c.putObject("includeObjects").putArray("postgresqlSchemas");
        Map<String, List<String>> bySchema = new TreeMap<>();
        for (TableId t : source.tables()) {
            bySchema.computeIfAbsent(t.schema(), s -> new ArrayList<>()).add(t.name());
        }
        bySchema.forEach((schema, tables) -> {
            ObjectNode s = schemas.addObject();
            s.put("schema", schema);
            ArrayNode list = s.putArray("postgresqlTables");
            tables.forEach(t -> list.addObject().put("table", t));
        });
        return c;
    }

    /** {@code bigqueryDestinationConfig}: where the tables go and how stale they may be. */
    ObjectNode destinationConfig() {
        ObjectNode c = JSON.createObjectNode();
        c.put("dataFreshness", settings.stalenessSeconds() + "s");
        if (settings.datasetMode() == DatasetMode.SINGLE_DATASET) {
            c.putObject("singleTargetDataset").put("datasetId", settings.project() + ":" + settings.dataset());
        } else {
            ObjectNode template = c.putObject("sourceHierarchyDatasets").putObject("datasetTemplate");
            template.put("location", settings.datasetLocation());
            if (settings.dataset() != null && !settings.dataset().isEmpty()) {
                template.put("datasetIdPrefix", settings.dataset());
            }
        }
        return c;
    }

    /** The {@code gcloud} commands, in order; the stream's two configuration files are {@link #gcloudFiles()}. */
    public List<String> gcloudCommands() {
        String where = " --project=" + settings.project() + " --location=" + settings.region();
        String ca = source.caFile().toAbsolutePath().toString();
        List<String> commands = new ArrayList<>();
        commands.add("gcloud datastream connection-profiles create " + settings.sourceProfileId() + where
                + " --type=postgresql --display-name=" + Shell.quote(sourceProfile(Secret.NONE).body().get("displayName").asText())
                + " --postgresql-hostname=" + Shell.quote(source.host()) + " --postgresql-port=" + source.port()
                + " --postgresql-username=" + Shell.quote(source.user()) + " --postgresql-prompt-for-password"
                + " --postgresql-database=" + Shell.quote(source.database())
                + " --postgresql-ca-certificate=\"$(cat " + Shell.quote(ca) + ")\""
                + ("verify-full".equals(source.sslMode()) ? " --postgresql-server-certificate-hostname="
                + Shell.quote(source.host()) : "")
                + " --static-ip-connectivity");
        commands.add("gcloud datastream connection-profiles create " + settings.destinationProfileId() + where
                + " --type=bigquery --display-name=" + Shell.quote(destinationProfile().body().get("displayName").asText()));
        commands.add("gcloud datastream streams create " + settings.streamId() + where
                + " --display-name=" + Shell.quote(stream().body().get("displayName").asText())
                + " --source=" + settings.sourceProfileId() + " --postgresql-source-config=source.json"
                + " --destination=" + settings.destinationProfileId() + " --bigquery-destination-config=destination.json"
                + " --backfill-all");
        commands.add("gcloud datastream streams update " + settings.streamId() + where
                + " --state=RUNNING --update-mask=state");
        return commands;
    }

    /** The files the stream command reads: {@code source.json} and {@code destination.json}. */
    public Map<String, String> gcloudFiles() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("source.json", pretty(sourceConfig()));
        files.put("destination.json", pretty(destinationConfig()));
        return files;
    }

    /** One script that writes the two files and runs the commands, stopping at the first failure. */
    public String gcloudScript() {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# Datastream for ").append(source.database()).append(" on ")
                .append(source.host()).append(", prepared by WalBridge. The first command asks for the password of ")
                .append(source.user()).append(".\nset -e\n");
        gcloudFiles().forEach((name, json) -> sb.append("cat > ").append(name).append(" <<'JSON'\n").append(json)
                .append("JSON\n"));
        gcloudCommands().forEach(c -> sb.append(c).append('\n'));
        return sb.toString();
    }

    /** The requests as a DBA reads them: request line, then body (password replaced). */
    public String shownText() {
        StringBuilder sb = new StringBuilder();
        for (ApiRequest r : shownRequests()) {
            sb.append("# ").append(r.title()).append('\n').append(r.requestLine()).append('\n').append(pretty(r.body()))
                    .append('\n');
        }
        return sb.toString();
    }

    static String pretty(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
