package io.walbridge.core.config;

import io.walbridge.core.handoff.HandoffEngine;
import io.walbridge.core.handoff.datastream.DatastreamSettings;
import io.walbridge.core.handoff.debezium.DebeziumSettings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One pipeline as the user's settings folder keeps it (JSON): source, publication, slot, tables and
 * destination. Never a password: those are in the {@link SecretStore} under {@link #sourceSecretKey()} and
 * {@link #destinationSecretKey()}.
 *
 * @param tables          the published tables as {@code schema.table} (quoted where needed)
 * @param destinationKind {@code postgresql} or {@code bigquery}
 * @param destination     the PostgreSQL destination (null for BigQuery and for hand-offs)
 * @param bigQuery        the BigQuery destination (null otherwise)
 * @param engine          who reads the slot: {@code walbridge} (this app; also when absent), {@code debezium} or
 *                        {@code datastream} (the source was handed off; the monitor still watches its slot)
 * @param debezium        the Debezium hand-off's settings, when the engine is Debezium
 * @param datastream      the Datastream hand-off's settings, when the engine is Datastream
 */
public record SavedPipeline(String name, SavedEndpoint source, String publication, String slot, List<String> tables,
                            String destinationKind, SavedEndpoint destination, SavedBigQuery bigQuery, String engine,
                            DebeziumSettings debezium, DatastreamSettings datastream) {

    /** Pipeline names become file names and checkpoint keys: kept to characters every file system accepts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public static final String POSTGRESQL = "postgresql";
    public static final String BIGQUERY = "bigquery";

    public SavedPipeline {
        tables = tables == null ? List.of() : List.copyOf(tables);
        engine = HandoffEngine.of(engine).key();
    }

    /** A pipeline WalBridge runs itself into PostgreSQL. */
    public SavedPipeline(String name, SavedEndpoint source, String publication, String slot, List<String> tables,
                         String destinationKind, SavedEndpoint destination) {
        this(name, source, publication, slot, tables, destinationKind, destination, null, HandoffEngine.IN_APP.key(),
                null, null);
    }

    public HandoffEngine handoffEngine() {
        return HandoffEngine.of(engine);
    }

    /** Why the name cannot be used, or null when it can. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "give the pipeline a name";
        }
        if (!NAME.matcher(name).matches()) {
            return "use letters, digits, '_', '-' and '.', starting with a letter or digit, at most 63 characters";
        }
        return null;
    }

    public String sourceSecretKey() {
        return name + ".source.password";
    }

    public String destinationSecretKey() {
        return name + ".destination.password";
    }
}
