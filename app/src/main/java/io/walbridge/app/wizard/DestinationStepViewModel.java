package io.walbridge.app.wizard;

import io.walbridge.app.common.Services;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.checks.AuthenticationCheck;
import io.walbridge.core.setup.checks.DatabaseCheck;
import io.walbridge.core.setup.checks.ResolveHostCheck;
import io.walbridge.core.setup.checks.ServerVersionCheck;
import io.walbridge.core.setup.checks.TcpConnectCheck;
import io.walbridge.core.setup.checks.TlsCheck;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;

import java.util.List;

/**
 * Step 5: where the changes go. PostgreSQL has its own connection test (the stages up to the server version;
 * replication settings do not matter on a destination). BigQuery is shown but cannot be chosen until its sink
 * exists.
 */
public final class DestinationStepViewModel implements WizardStep {

    public static final String BIGQUERY_NOTE = "BigQuery destination arrives with the BigQuery sink";

    private final PipelineDraft draft;
    private final ConnectionTestViewModel test;
    private final ObservableStringValue blocker;

    public DestinationStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.test = new ConnectionTestViewModel(services.tasks(), services.connections(), List.of(
                new ResolveHostCheck(), new TcpConnectCheck(), new TlsCheck(), new AuthenticationCheck(),
                new DatabaseCheck(), new ServerVersionCheck()));
        EndpointForm f = draft.destination;
        this.blocker = Bindings.createStringBinding(() -> {
            if (!draft.destinationKind.get().available()) {
                return BIGQUERY_NOTE + "; choose PostgreSQL for now";
            }
            for (String p : new String[]{EndpointForm.hostProblem(f.host.get()), EndpointForm.portProblem(f.port.get()),
                    EndpointForm.databaseProblem(f.database.get()), EndpointForm.userProblem(f.user.get())}) {
                if (p != null) {
                    return "destination: " + p;
                }
            }
            return "";
        }, draft.destinationKind, f.host, f.port, f.database, f.user);
    }

    public PipelineDraft draft() {
        return draft;
    }

    public EndpointForm form() {
        return draft.destination;
    }

    public ConnectionTestViewModel test() {
        return test;
    }

    public void testConnection() {
        test.start(() -> CheckTarget.of(draft.destination.toEndpoint(), null, List.of()));
    }

    @Override
    public String title() {
        return "Destination";
    }

    /** A source handed to Debezium or Datastream is written where that engine is configured to write. */
    @Override
    public boolean skipped() {
        return draft.engine.get() != io.walbridge.core.handoff.HandoffEngine.IN_APP;
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
