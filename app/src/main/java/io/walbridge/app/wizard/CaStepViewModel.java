package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.CheckTarget;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.checks.ResolveHostCheck;
import io.walbridge.core.setup.checks.TcpConnectCheck;
import io.walbridge.core.setup.checks.TlsCheck;
import io.walbridge.core.setup.tls.CaBundle;
import io.walbridge.core.setup.tls.SslMode;
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

import java.nio.file.Path;
import java.util.List;

/**
 * Step 3: the CA certificate (one PEM file or a bundle) that proves the server is the server. Shows what the
 * file holds, then verifies the server's chain and host name against it as {@code verify-full} would, with
 * the same TLS stage the connection test uses, and switches the source to {@code verify-full} once it passes.
 */
public final class CaStepViewModel implements WizardStep {

    private final PipelineDraft draft;
    private final Services services;
    private final ConnectionTestViewModel verification;
    public final StringProperty path = new SimpleStringProperty("");
    public final ObservableList<CertificateRow> certificates = FXCollections.observableArrayList();
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    public final BooleanProperty loading = new SimpleBooleanProperty(false);
    public final StringProperty status = new SimpleStringProperty("");
    private final ObservableStringValue blocker;

    public CaStepViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.services = services;
        this.verification = new ConnectionTestViewModel(services.tasks(), services.connections(),
                List.of(new ResolveHostCheck(), new TcpConnectCheck(), new TlsCheck()));
        this.blocker = Bindings.createStringBinding(() -> {
            boolean needsCa = SslMode.of(draft.source.sslMode.get()).verifiesChain();
            return needsCa && draft.source.caFile.get() == null ? "sslmode=" + draft.source.sslMode.get()
                    + " needs the CA certificate: choose the file and verify it" : "";
        }, draft.source.sslMode, draft.source.caFile);
        verification.report.addListener((obs, old, report) -> {
            if (report != null) {
                report.result(Stage.TLS).ifPresent(this::verified);
            }
        });
    }

    public ConnectionTestViewModel verification() {
        return verification;
    }

    @Override
    public void entered() {
        Path chosen = draft.source.caFile.get();
        if (chosen != null && path.get().isBlank()) {
            path.set(chosen.toString());
            load();
        }
    }

    /** Reads the file named in {@link #path} and lists its certificates. */
    public void load() {
        problem.set(null);
        certificates.clear();
        status.set("");
        if (path.get() == null || path.get().isBlank()) {
            problem.set(new Problem("no CA file chosen", "choose the PEM file your provider publishes (for example"
                    + " RDS's global-bundle.pem, or the output of aptible environment:ca_cert)"));
            return;
        }
        Path file = Path.of(path.get().strip());
        loading.set(true);
        services.tasks().run(() -> CaBundle.load(file), bundle -> {
            loading.set(false);
            bundle.certificates().forEach(c -> certificates.add(CertificateRow.of(c)));
            status.set(bundle.certificates().size() + " certificate(s) in " + file.getFileName()
                    + "; verify the server against them");
        }, e -> {
            loading.set(false);
            problem.set(Problem.of(e));
        });
    }

    /** Runs DNS, TCP and the TLS stage with {@code verify-full} against the loaded file. */
    public void verify() {
        if (certificates.isEmpty()) {
            problem.set(new Problem("no CA certificate loaded", "choose the CA file and load it first"));
            return;
        }
        problem.set(null);
        Path file = Path.of(path.get().strip());
        verification.start(() -> {
            PgEndpoint e = draft.source.toEndpoint().withParam("sslmode", SslMode.VERIFY_FULL.text());
            return CheckTarget.of(e, file, List.of());
        });
    }

    private void verified(CheckResult tls) {
        if (tls.isOk()) {
            draft.source.caFile.set(Path.of(path.get().strip()).toAbsolutePath());
            draft.source.sslMode.set(SslMode.VERIFY_FULL.text());
            status.set("verified: the source will connect with sslmode=verify-full and this CA");
        } else {
            status.set("not verified: the source keeps sslmode=" + draft.source.sslMode.get());
        }
    }

    /** Forgets the CA; the source goes back to {@code require} if it needed one. */
    public void clear() {
        draft.source.caFile.set(null);
        if (SslMode.of(draft.source.sslMode.get()).verifiesChain()) {
            draft.source.sslMode.set(SslMode.REQUIRE.text());
        }
        path.set("");
        certificates.clear();
        status.set("");
    }

    @Override
    public String title() {
        return "CA certificate";
    }

    @Override
    public ObservableStringValue blocker() {
        return blocker;
    }
}
