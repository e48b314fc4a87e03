package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.checks.AuthenticationCheck;
import io.walbridge.core.setup.checks.DatabaseCheck;
import io.walbridge.core.setup.checks.ResolveHostCheck;
import io.walbridge.core.setup.checks.ServerVersionCheck;
import io.walbridge.core.setup.checks.TcpConnectCheck;
import io.walbridge.core.setup.checks.TlsCheck;
import io.walbridge.core.sink.bigquery.BigQueryProbe;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Step 5: where the changes go. PostgreSQL has its own connection test (the stages up to the server version;
 * replication settings do not matter on a destination). BigQuery's test proves the credentials load, the dataset
 * exists or can be created, and a probe table can be written and dropped.
 */
public final class DestinationStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final TaskRunner tasks;
    private final ConnectionTestViewModel test;
    private final ObservableStringValue blocker;
    /** BigQuery test: one line per step ({@code ✔ dataset …} or {@code ✖ write …}). */
    public final ObservableList<String> bigQueryLines = FXCollections.observableArrayList();
    public final StringProperty bigQueryOutcome = new SimpleStringProperty("");
    public final ObjectProperty<Problem> bigQueryProblem = new SimpleObjectProperty<>();
    public final BooleanProperty bigQueryTesting = new SimpleBooleanProperty(false);
    /** The chosen tables, each written append-only or as current rows (BigQuery only). */
    public final ObservableList<AppendOnlyRow> appendOnlyRows = FXCollections.observableArrayList();

    public DestinationStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.tasks = services.tasks();
        this.test = new ConnectionTestViewModel(services.tasks(), services.connections(), List.of(
                new ResolveHostCheck(), new TcpConnectCheck(), new TlsCheck(), new AuthenticationCheck(),
                new DatabaseCheck(), new ServerVersionCheck()));
        EndpointForm f = draft.destination;
        BigQueryForm b = draft.bigQuery;
        this.blocker = Bindings.createStringBinding(() -> {
            if (draft.destinationKind.get() == DestinationKind.BIGQUERY) {
                String p = b.problem();
                return p == null ? "" : "BigQuery: " + p;
            }
            for (String p : new String[]{EndpointForm.hostProblem(f.host.get()), EndpointForm.portProblem(f.port.get()),
                    EndpointForm.databaseProblem(f.database.get()), EndpointForm.userProblem(f.user.get())}) {
                if (p != null) {
                    return "destination: " + p;
                }
            }
            return "";
        }, draft.destinationKind, f.host, f.port, f.database, f.user, b.project, b.dataset, b.keyFile,
                b.defaultCredentials, b.staleness);
        listAppendOnlyChoices();
    }

    /** Shows the chosen tables again (step 4 may have changed them); marks of tables chosen again are kept. */
    @Override
    public void entered() {
        listAppendOnlyChoices();
    }

    private void listAppendOnlyChoices() {
        appendOnlyRows.setAll(draft.tables.stream().map(t -> new AppendOnlyRow(t, draft.withoutPrimaryKey.contains(t),
                draft.bigQuery.appendOnly)).toList());
    }

    public PipelineDraft draft() {
        return draft;
    }

    public EndpointForm form() {
        return draft.destination;
    }

    public BigQueryForm bigQuery() {
        return draft.bigQuery;
    }

    public ConnectionTestViewModel test() {
        return test;
    }

    public void testConnection() {
        test.start(() -> CheckTarget.of(draft.destination.toEndpoint(), null, List.of()));
    }

    /** Tests the BigQuery settings in the background: credentials, dataset, a probe table written and dropped. */
    public void testBigQuery() {
        if (bigQueryTesting.get()) {
            return;
        }
        bigQueryLines.clear();
        bigQueryOutcome.set("");
        bigQueryProblem.set(null);
        String problem = draft.bigQuery.problem();
        if (problem != null) {
            bigQueryProblem.set(new Problem("the BigQuery settings are incomplete", problem));
            return;
        }
        BigQueryTarget target = draft.bigQuery.toSaved(List.of()).toTarget();
        bigQueryTesting.set(true);
        tasks.run(() -> BigQueryProbe.run(target, step -> tasks.onUi(() -> bigQueryLines.add(line(step)))), steps -> {
            bigQueryTesting.set(false);
            BigQueryProbe.Step failed = steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
            if (failed == null) {
                bigQueryOutcome.set("BigQuery is ready: credentials work and the dataset can be written");
            } else {
                bigQueryOutcome.set("BigQuery cannot be used yet");
                bigQueryProblem.set(new Problem(failed.detail(), failed.fix()));
            }
        }, e -> {
            bigQueryTesting.set(false);
            bigQueryOutcome.set("BigQuery cannot be used yet");
            bigQueryProblem.set(Problem.of(e));
        });
    }

    private static String line(BigQueryProbe.Step s) {
        return (s.passed() ? RowStatus.PASSED.icon() : RowStatus.FAILED.icon()) + " " + s.name() + ": " + s.detail();
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
