package io.walbridge.core.handoff.debezium;

import java.util.regex.Pattern;

/**
 * What the DBA chooses for a Debezium connector beyond the prepared source.
 *
 * @param connectUrl          the Kafka Connect REST URL, e.g. {@code http://connect:8083}; may be blank until used
 * @param connectorName       the connector's name on Connect
 * @param topicPrefix         {@code topic.prefix}: topics are {@code <prefix>.<schema>.<table>}
 * @param heartbeatMs         {@code heartbeat.interval.ms}: lets the slot advance while the captured tables are idle
 * @param caFileOnWorkers     where the CA certificate lies on every Connect worker ({@code database.sslrootcert})
 * @param secretsFileOnWorkers the properties file on every worker holding {@code database.password}, read through
 *                            Kafka's FileConfigProvider so the saved configuration holds no password
 */
public record DebeziumSettings(String connectUrl, String connectorName, String topicPrefix, SnapshotMode snapshotMode,
                               long heartbeatMs, String caFileOnWorkers, String secretsFileOnWorkers) {

    public static final long DEFAULT_HEARTBEAT_MS = 10_000;
    public static final String SECRETS_FOLDER = "/etc/kafka-connect/secrets/";

    // Connect puts the name into URLs and Debezium the prefix into topic names: Kafka allows [a-zA-Z0-9._-]
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public DebeziumSettings {
        snapshotMode = snapshotMode == null ? SnapshotMode.INITIAL : snapshotMode;
    }

    /** Settings named after the slot, as a DBA would start. */
    public static DebeziumSettings defaults(String slot, String caFile) {
        String name = slot.replace('_', '-');
        return new DebeziumSettings("http://localhost:8083", name, slot, SnapshotMode.INITIAL, DEFAULT_HEARTBEAT_MS,
                caFile, SECRETS_FOLDER + name + ".properties");
    }

    public static String nameProblem(String v) {
        if (v == null || v.isBlank()) {
            return "give the connector a name";
        }
        return NAME.matcher(v).matches() ? null : "use letters, digits, '.', '_' and '-' only (it becomes part of URLs)";
    }

    public static String topicPrefixProblem(String v) {
        if (v == null || v.isBlank()) {
            return "give a topic prefix; topics are named <prefix>.<schema>.<table>";
        }
        return NAME.matcher(v).matches() ? null : "Kafka topic names allow letters, digits, '.', '_' and '-' only";
    }

    public static String urlProblem(String v) {
        if (v == null || v.isBlank()) {
            return "enter the Kafka Connect REST URL, e.g. http://connect.example.com:8083";
        }
        try {
            java.net.URI u = java.net.URI.create(v.strip());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                return "the URL must start with http:// or https:// and name a host, e.g. http://connect:8083";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "this is not a URL; write it like http://connect.example.com:8083";
        }
    }

    public DebeziumSettings withConnectUrl(String url) {
        return new DebeziumSettings(url, connectorName, topicPrefix, snapshotMode, heartbeatMs, caFileOnWorkers,
                secretsFileOnWorkers);
    }
}
