package io.walbridge.app.wizard;

import io.walbridge.core.handoff.debezium.DebeziumSettings;
import io.walbridge.core.handoff.debezium.SnapshotMode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Debezium hand-off's fields as typed; empty fields are filled from the slot when the engine step opens. */
public final class DebeziumForm {

    public final StringProperty connectUrl = new SimpleStringProperty("http://localhost:8083");
    public final StringProperty connectorName = new SimpleStringProperty("");
    public final StringProperty topicPrefix = new SimpleStringProperty("");
    public final ObjectProperty<SnapshotMode> snapshotMode = new SimpleObjectProperty<>(SnapshotMode.INITIAL);
    public final StringProperty heartbeatSeconds = new SimpleStringProperty("10");
    public final StringProperty caFileOnWorkers = new SimpleStringProperty("");
    public final StringProperty secretsFileOnWorkers = new SimpleStringProperty("");

    /** Fills what is still empty with names derived from the slot and the CA file. */
    void fillDefaults(String slot, String caFile) {
        DebeziumSettings d = DebeziumSettings.defaults(slot, caFile);
        if (connectorName.get().isBlank()) {
            connectorName.set(d.connectorName());
        }
        if (topicPrefix.get().isBlank()) {
            topicPrefix.set(d.topicPrefix());
        }
        if (caFileOnWorkers.get().isBlank() && caFile != null) {
            caFileOnWorkers.set(caFile);
        }
        if (secretsFileOnWorkers.get().isBlank()) {
            secretsFileOnWorkers.set(d.secretsFileOnWorkers());
        }
    }

    public static String heartbeatProblem(String v) {
        try {
            long s = Long.parseLong(v == null ? "" : v.strip());
            return s >= 1 && s <= 3600 ? null : "a heartbeat every 1 to 3600 seconds";
        } catch (NumberFormatException e) {
            return "the heartbeat interval is a number of seconds, e.g. 10";
        }
    }

    public DebeziumSettings toSettings() {
        long seconds = heartbeatProblem(heartbeatSeconds.get()) == null ? Long.parseLong(heartbeatSeconds.get().strip()) : 10;
        return new DebeziumSettings(connectUrl.get().strip(), connectorName.get().strip(), topicPrefix.get().strip(),
                snapshotMode.get(), seconds * 1000, caFileOnWorkers.get().strip(), secretsFileOnWorkers.get().strip());
    }

    void load(DebeziumSettings s) {
        if (s == null) {
            return;
        }
        connectUrl.set(s.connectUrl() == null ? "" : s.connectUrl());
        connectorName.set(s.connectorName());
        topicPrefix.set(s.topicPrefix());
        snapshotMode.set(s.snapshotMode());
        heartbeatSeconds.set(String.valueOf(Math.max(1, s.heartbeatMs() / 1000)));
        caFileOnWorkers.set(s.caFileOnWorkers() == null ? "" : s.caFileOnWorkers());
        secretsFileOnWorkers.set(s.secretsFileOnWorkers() == null ? "" : s.secretsFileOnWorkers());
    }
}
