package io.walbridge.app.wizard;

import io.walbridge.app.common.Services;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;

/** Step 4: pick the tables, then make the publication, slot and optional login on the source. */
public final class ReplicationStepViewModel implements WizardStep {

    private final TablePickerViewModel picker;
    private final ReplicationPlanViewModel plan;
    private final ObservableStringValue blocker;

    public ReplicationStepViewModel(PipelineDraft draft, Services services) {
        this.picker = new TablePickerViewModel(draft, services);
        this.plan = new ReplicationPlanViewModel(draft, services);
        this.blocker = Bindings.createStringBinding(() -> {
            String p = plan.inputProblem();
            if (p != null) {
                return p;
            }
            return plan.done.get() ? "" : "run the setup SQL first (Run), so the publication and slot exist";
        }, draft.tables, draft.publication, draft.slot, plan.createLogin, plan.loginName, plan.done);
        // a changed choice makes the last run's result stale: Next waits for a new run
        draft.tables.addListener((javafx.collections.ListChangeListener<Object>) c -> plan.done.set(false));
        draft.publication.addListener((obs, a, b) -> plan.done.set(false));
        draft.slot.addListener((obs, a, b) -> plan.done.set(false));
    }

    public TablePickerViewModel picker() {
        return picker;
    }

    public ReplicationPlanViewModel plan() {
        return plan;
    }

    @Override
    public void entered() {
        picker.load();
    }

    @Override
    public void left() {
        plan.forgetShownPassword();
    }

    @Override
    public String title() {
        return "Replication setup";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
