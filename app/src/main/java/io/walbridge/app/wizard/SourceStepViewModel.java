package io.walbridge.app.wizard;

import io.walbridge.app.common.Services;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.Diagnostics;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;

import java.util.List;

/** Step 1: where the source is and how to reach it, with the ten-stage connection test. */
public final class SourceStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final ConnectionTestViewModel test;
    private final ObservableStringValue blocker;

    public SourceStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.test = new ConnectionTestViewModel(services.tasks(), services.connections(), Diagnostics.standardChecks());
        EndpointForm f = draft.source;
        this.blocker = Bindings.createStringBinding(() -> {
            String why = firstProblem(f);
            return why == null ? "" : why;
        }, f.host, f.port, f.database, f.user);
        test.report.addListener((obs, old, report) -> {
            if (report != null) {
                draft.sourceReport.set(report);
            }
        });
    }

    private static String firstProblem(EndpointForm f) {
        for (String p : new String[]{EndpointForm.hostProblem(f.host.get()), EndpointForm.portProblem(f.port.get()),
                EndpointForm.databaseProblem(f.database.get()), EndpointForm.userProblem(f.user.get())}) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    public EndpointForm form() {
        return draft.source;
    }

    public ConnectionTestViewModel test() {
        return test;
    }

    public void testConnection() {
        test.start(() -> CheckTarget.of(draft.source.toEndpoint(), null, List.of()));
    }

    @Override
    public String title() {
        return "Source";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
