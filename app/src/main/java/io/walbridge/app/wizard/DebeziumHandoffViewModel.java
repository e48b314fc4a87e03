package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.debezium.ConnectorStatus;
import io.walbridge.core.handoff.debezium.DebeziumConnectorConfig;
import io.walbridge.core.handoff.debezium.KafkaConnectClient;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The Debezium hand-off: the connector configuration generated from the prepared source (shown and saved without
 * the password), and, given a Connect REST URL, the connector created or updated there with its status and task
 * errors. All network and file work goes through the task runner.
 */
public final class DebeziumHandoffViewModel {

    /** How long Create waits for the connector and its task to run before showing the state it has. */
    static final Duration START_WAIT = Duration.ofSeconds(30);

    private final PipelineDraft draft;
    private final TaskRunner tasks;
    /** The configuration as saved: password through FileConfigProvider. Empty while a field is wrong. */
    public final StringProperty configJson = new SimpleStringProperty("");
    /** The line the secrets file on the workers needs. */
    public final StringProperty secretsLine = new SimpleStringProperty("");
    /** Why the configuration cannot be made yet; empty when it can. */
    public final StringProperty configProblem = new SimpleStringProperty("");
    public final StringProperty outcome = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    DebeziumHandoffViewModel(PipelineDraft draft, TaskRunner tasks) {
        this.draft = draft;
        this.tasks = tasks;
        DebeziumForm f = draft.debezium;
        for (var p : new javafx.beans.Observable[]{f.connectorName, f.topicPrefix, f.snapshotMode, f.heartbeatSeconds,
                f.caFileOnWorkers, f.secretsFileOnWorkers}) {
            p.addListener(o -> regenerate());
        }
    }

    public DebeziumForm form() {
        return draft.debezium;
    }

    /** Builds the configuration again from the draft; called when the step opens and on every change. */
    void regenerate() {
        try {
            DebeziumConnectorConfig config = config();
            configJson.set(config.savedJson());
            secretsLine.set(config.secretsFileLine());
            configProblem.set("");
        } catch (UserFacingException e) {
            configJson.set("");
            secretsLine.set("");
            configProblem.set(e.problem());
        }
    }

    private DebeziumConnectorConfig config() {
        String heartbeat = DebeziumForm.heartbeatProblem(draft.debezium.heartbeatSeconds.get());
        if (heartbeat != null) {
            throw new UserFacingException("heartbeat: " + heartbeat, "");
        }
        return new DebeziumConnectorConfig(draft.toPrepared(), draft.debezium.toSettings());
    }

    /** Writes the configuration as shown (no password) to a file. */
    public void save(Path file) {
        String json = configJson.get();
        if (json.isEmpty()) {
            return;
        }
        problem.set(null);
        tasks.run(() -> Files.writeString(file, json, StandardCharsets.UTF_8), written -> outcome.set("saved to " + file),
                e -> problem.set(Problem.of(new UserFacingException("the configuration could not be saved to " + file
                        + ": " + e.getMessage(), "choose a folder you can write to"))));
    }

    /** Creates or updates the connector on Connect, then waits a little for it to run and shows its status. */
    public void createOnConnect() {
        if (busy.get()) {
            return;
        }
        problem.set(null);
        outcome.set("");
        DebeziumConnectorConfig config;
        KafkaConnectClient client;
        try {
            config = config();
            client = new KafkaConnectClient(draft.debezium.connectUrl.get());
        } catch (UserFacingException e) {
            problem.set(Problem.of(e));
            return;
        }
        Secret password = draft.source.secret();
        busy.set(true);
        tasks.run(() -> {
            KafkaConnectClient.Outcome done = client.createOrUpdate(config.connectorName(), config.forConnect());
            return new Created(done, awaitStart(client, config.connectorName()));
        }, created -> {
            busy.set(false);
            outcome.set((created.outcome() == KafkaConnectClient.Outcome.CREATED ? "created" : "updated")
                    + " connector " + config.connectorName() + " on " + draft.debezium.connectUrl.get());
            show(created.status());
        }, e -> {
            busy.set(false);
            problem.set(Problem.of(e, password));
        });
    }

    /** Reads the connector's status again. */
    public void refreshStatus() {
        if (busy.get()) {
            return;
        }
        problem.set(null);
        KafkaConnectClient client;
        try {
            client = new KafkaConnectClient(draft.debezium.connectUrl.get());
        } catch (UserFacingException e) {
            problem.set(Problem.of(e));
            return;
        }
        String name = draft.debezium.connectorName.get();
        busy.set(true);
        tasks.run(() -> client.status(name), s -> {
            busy.set(false);
            show(s);
        }, e -> {
            busy.set(false);
            problem.set(Problem.of(e));
        });
    }

    private void show(ConnectorStatus s) {
        status.set(s.describe());
        running.set(s.running());
    }

    /** A connector is RUNNING before its task is; this waits (off the UI thread) until both run or one failed. */
    private static ConnectorStatus awaitStart(KafkaConnectClient client, String name) throws InterruptedException {
        Instant end = Instant.now().plus(START_WAIT);
        ConnectorStatus last = null;
        while (Instant.now().isBefore(end)) {
            try {
                last = client.status(name);
                if (last.running() || last.failed()) {
                    return last;
                }
            } catch (UserFacingException e) {
                // the worker writes the first status a moment after accepting the connector
            }
            Thread.sleep(500);
        }
        return last != null ? last : client.status(name);
    }

    private record Created(KafkaConnectClient.Outcome outcome, ConnectorStatus status) {
    }
}
