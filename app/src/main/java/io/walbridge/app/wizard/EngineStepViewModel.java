package io.walbridge.app.wizard;

import io.walbridge.app.common.Services;
import io.walbridge.core.handoff.HandoffEngine;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;

/**
 * Step 5: who reads the prepared source. "In this app" keeps today's flow (destination, then start here);
 * Debezium on Kafka Connect and Google Datastream get what they need generated from the source as prepared, and
 * the destination step is skipped since the engine writes where it is configured to.
 */
public final class EngineStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final DebeziumHandoffViewModel debezium;
    private final DatastreamHandoffViewModel datastream;
    private final ObservableStringValue blocker;

    public EngineStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.debezium = new DebeziumHandoffViewModel(draft, services.tasks());
        this.datastream = new DatastreamHandoffViewModel(draft, services.tasks());
        DebeziumForm d = draft.debezium;
        DatastreamForm g = draft.datastream;
        this.blocker = Bindings.createStringBinding(() -> switch (draft.engine.get()) {
            case IN_APP -> "";
            case DEBEZIUM -> debeziumBlocker();
            case DATASTREAM -> datastream.requestsProblem.get();
        }, draft.engine, debezium.configProblem, datastream.requestsProblem, d.heartbeatSeconds);
    }

    private String debeziumBlocker() {
        String p = DebeziumForm.heartbeatProblem(draft.debezium.heartbeatSeconds.get());
        return p != null ? "heartbeat: " + p : debezium.configProblem.get();
    }

    public PipelineDraft draft() {
        return draft;
    }

    public DebeziumHandoffViewModel debezium() {
        return debezium;
    }

    public DatastreamHandoffViewModel datastream() {
        return datastream;
    }

    public void choose(HandoffEngine engine) {
        draft.engine.set(engine);
        refresh();
    }

    @Override
    public void entered() {
        String ca = draft.source.caFile.get() == null ? null : draft.source.caFile.get().toAbsolutePath().toString();
        draft.debezium.fillDefaults(draft.slot.get(), ca);
        draft.datastream.fillDefaults(draft.slot.get());
        refresh();
    }

    /** The generated texts follow the earlier steps, which may have changed since this step was last shown. */
    private void refresh() {
        debezium.regenerate();
        datastream.regenerate();
    }

    @Override
    public String title() {
        return "Engine";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
