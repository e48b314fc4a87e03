package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.core.setup.AccessProbe;
import io.walbridge.core.setup.AccessReport;
import io.walbridge.core.source.PgEndpoint;
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
 * Step 2: which address to allow, seen from both ends (the server's {@code inet_client_addr()} and this
 * machine's interfaces), why a failed test failed, and whether the server lets clients in without TLS.
 */
public final class NetworkStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final Services services;
    public final StringProperty serverSeesAs = new SimpleStringProperty("");
    public final ObservableList<String> interfaces = FXCollections.observableArrayList();
    public final StringProperty accessAdvice = new SimpleStringProperty("");
    public final StringProperty plainTextWarning = new SimpleStringProperty("");
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObservableStringValue blocker = Bindings.createStringBinding(() -> "");

    public NetworkStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.services = services;
    }

    public String datastreamNote() {
        return NetworkFacts.DATASTREAM;
    }

    @Override
    public void entered() {
        refresh();
    }

    /** Looks everything up again: the server's view needs a connection, so it runs in the background. */
    public void refresh() {
        if (running.get()) {
            return;
        }
        problem.set(null);
        accessAdvice.set(NetworkFacts.accessAdvice(draft.sourceReport.get()));
        PgEndpoint endpoint;
        try {
            endpoint = draft.source.toEndpoint();
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
            return;
        }
        running.set(true);
        serverSeesAs.set("asking the server …");
        services.tasks().run(() -> new Lookup(new AccessProbe(services.connections()).run(endpoint),
                NetworkFacts.interfaces()), this::show, e -> {
            running.set(false);
            serverSeesAs.set("unknown");
            problem.set(Problem.of(e, endpoint.password()));
        });
    }

    private record Lookup(AccessReport access, List<String> interfaces) {
    }

    private void show(Lookup found) {
        running.set(false);
        interfaces.setAll(found.interfaces());
        AccessReport a = found.access();
        serverSeesAs.set(a.clientAddress().map(ip -> ip + "  (allow " + (ip.contains(":") ? ip + "/128" : ip + "/32") + ")")
                .orElse(a.loginProblem().isEmpty() ? "unknown (connected through a local socket)"
                        : "unknown: the login failed (" + a.loginProblem() + ")"));
        String tls = NetworkFacts.tlsAdvice(draft.sourceReport.get());
        plainTextWarning.set(switch (a.plainText()) {
            case ACCEPTED -> "The server accepts connections without TLS from this machine (" + a.plainDetail()
                    + "): anyone on the network path can read the data. Allow only TLS: use hostssl instead of host"
                    + " lines in pg_hba.conf, then SELECT pg_reload_conf(); (RDS: rds.force_ssl = 1; Cloud SQL: allow"
                    + " only SSL connections; Azure: require_secure_transport = ON)."
                    + (tls.isEmpty() ? "" : "\n" + tls);
            case REFUSED -> "";
            case UNKNOWN -> tls;
        });
    }

    @Override
    public String title() {
        return "Network access";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
