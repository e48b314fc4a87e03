package io.walbridge.core.handoff.debezium;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.change.TableId;
import io.walbridge.core.handoff.PreparedSource;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Debezium PostgreSQL connector configuration for a source WalBridge prepared: it reads the publication and
 * slot WalBridge made (pgoutput, never creating or changing a publication) with the dedicated login, over TLS
 * checked against the CA. Two forms: {@link #forSaving()} names the password through Kafka's FileConfigProvider
 * and may be written to disk; {@link #forConnect()} carries the password for the REST call and must never be
 * logged or saved.
 */
public final class DebeziumConnectorConfig {

    public static final String CONNECTOR_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
    /** The key of the password in the secrets file on the workers. */
    public static final String PASSWORD_KEY = "database.password";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PreparedSource source;
    private final DebeziumSettings settings;

    public DebeziumConnectorConfig(PreparedSource source, DebeziumSettings settings) {
        this.source = source;
        this.settings = settings;
        String problem = firstProblem();
        if (problem != null) {
            throw new UserFacingException("the Debezium connector cannot be configured: " + problem,
                    "correct the field named above");
        }
    }

    public String connectorName() {
        return settings.connectorName();
    }

    /** The configuration with {@code database.password} as a {@code ${file:…}} reference: safe to show and save. */
    public Map<String, String> forSaving() {
        return build("${file:" + settings.secretsFileOnWorkers() + ":" + PASSWORD_KEY + "}");
    }

    /** The configuration with the password itself, for the REST call only (Connect stores it in its config topic). */
    public Map<String, String> forConnect() {
        return build(source.password().isPresent() ? source.password().value() : "");
    }

    /** The saved file: {@code {"name": …, "config": {…}}}, the body {@code POST /connectors} takes as it is. */
    public String savedJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", settings.connectorName());
        ObjectNode config = root.putObject("config");
        forSaving().forEach(config::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one line the secrets file on every worker must hold (shown with a placeholder, never the password). */
    public String secretsFileLine() {
        return PASSWORD_KEY + "=<password of " + source.user() + ">";
    }

    private Map<String, String> build(String password) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", CONNECTOR_CLASS);
        // the connector reads one slot; more tasks would not be used
        c.put("tasks.max", "1");
        c.put("database.hostname", source.host());
        c.put("database.port", String.valueOf(source.port()));
        c.put("database.user", source.user());
        c.put("database.password", password);
        c.put("database.dbname", source.database());
        c.put("database.sslmode", source.sslMode());
        if (source.caFile() != null && settings.caFileOnWorkers() != null && !settings.caFileOnWorkers().isBlank()) {
            c.put("database.sslrootcert", settings.caFileOnWorkers());
        }
        c.put("topic.prefix", settings.topicPrefix());
        // the built-in decoder WalBridge prepared the slot for; nothing to install on the server
        c.put("plugin.name", "pgoutput");
        c.put("slot.name", source.slot());
        c.put("publication.name", source.publication());
        // the publication is WalBridge's: Debezium must neither create nor alter it (its login may not, either)
        c.put("publication.autocreate.mode", "disabled");
        // the slot outlives the connector: dropping it on stop would lose changes made while it is stopped
        c.put("slot.drop.on.stop", "false");
        c.put("table.include.list", source.tables().stream().map(DebeziumConnectorConfig::tableRegex)
                .collect(Collectors.joining(",")));
        c.put("snapshot.mode", settings.snapshotMode().value());
        // lets Debezium confirm the slot's position from keepalives while the captured tables see no change
        c.put("heartbeat.interval.ms", String.valueOf(settings.heartbeatMs()));
        return c;
    }

    /** Debezium matches {@code schema.table} against each entry as a regular expression. */
    static String tableRegex(TableId t) {
        return escape(t.schema()) + "\\." + escape(t.name());
    }

    private static String escape(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(ch) >= 0) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private String firstProblem() {
        String p = DebeziumSettings.nameProblem(settings.connectorName());
        if (p != null) {
            return "connector name: " + p;
        }
        p = DebeziumSettings.topicPrefixProblem(settings.topicPrefix());
        if (p != null) {
            return "topic prefix: " + p;
        }
        if (source.tables().isEmpty()) {
            return "no table is chosen; choose the tables in the replication step";
        }
        // the include list is comma-separated: a name holding a comma cannot be listed
        for (TableId t : source.tables()) {
            if (t.schema().contains(",") || t.name().contains(",")) {
                return "table " + t + " has a comma in its name, which Debezium's table.include.list cannot express";
            }
        }
        if (settings.heartbeatMs() <= 0) {
            return "the heartbeat interval must be positive";
        }
        if (source.verifiesServer() && (settings.caFileOnWorkers() == null || settings.caFileOnWorkers().isBlank())) {
            return "sslmode " + source.sslMode() + " needs the CA certificate's path on the Connect workers";
        }
        if (settings.secretsFileOnWorkers() == null || settings.secretsFileOnWorkers().isBlank()) {
            return "give the path of the secrets file on the Connect workers";
        }
        return null;
    }
}
