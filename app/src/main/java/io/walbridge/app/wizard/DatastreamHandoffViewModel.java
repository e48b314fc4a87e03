package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.TaskRunner;
import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.datastream.DatastreamClient;
import io.walbridge.core.handoff.datastream.DatastreamRequests;
import io.walbridge.core.handoff.datastream.GoogleAccessTokens;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The Datastream hand-off: the gcloud commands and REST requests for the prepared source (shown and saved with
 * the password left out), and optionally their creation in Google Cloud through the Datastream API with a
 * service account key. Those are real calls: the view says so before the button.
 */
public final class DatastreamHandoffViewModel {

    private final PipelineDraft draft;
    private final TaskRunner tasks;
    private Function<Path, DatastreamClient> clients = key -> DatastreamClient.google(GoogleAccessTokens.fromKeyFile(key));
    public final StringProperty gcloudScript = new SimpleStringProperty("");
    public final StringProperty requestsText = new SimpleStringProperty("");
    public final StringProperty requestsProblem = new SimpleStringProperty("");
    /** What Create in Google Cloud did, one line per request. */
    public final ObservableList<String> log = FXCollections.observableArrayList();
    public final StringProperty outcome = new SimpleStringProperty("");
    /** The region's static addresses, as Datastream's API lists them, for the source's allowlist. */
    public final StringProperty staticIps = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    DatastreamHandoffViewModel(PipelineDraft draft, TaskRunner tasks) {
        this.draft = draft;
        this.tasks = tasks;
        DatastreamForm f = draft.datastream;
        for (var p : new javafx.beans.Observable[]{f.project, f.region, f.sourceProfileId, f.destinationProfileId,
                f.streamId, f.datasetMode, f.dataset, f.datasetLocation, f.stalenessMinutes}) {
            p.addListener(o -> regenerate());
        }
    }

    public DatastreamForm form() {
        return draft.datastream;
    }

    /** Tests point the client at a local stand-in; the app talks to Google. */
    public void useClients(Function<Path, DatastreamClient> clients) {
        this.clients = clients;
    }

    void regenerate() {
        try {
            DatastreamRequests r = requests();
            gcloudScript.set(r.gcloudScript());
            requestsText.set(r.shownText());
            requestsProblem.set("");
        } catch (UserFacingException e) {
            gcloudScript.set("");
            requestsText.set("");
            requestsProblem.set(e.problem() + (e.fix().isEmpty() ? "" : " — " + e.fix()));
        }
    }

    private DatastreamRequests requests() {
        String staleness = DatastreamForm.stalenessProblem(draft.datastream.stalenessMinutes.get());
        if (staleness != null) {
            throw new UserFacingException("staleness: " + staleness, "");
        }
        return new DatastreamRequests(draft.toPrepared(), draft.datastream.toSettings());
    }

    /** Saves the gcloud script (with its two JSON files inline); the password is asked for when it runs. */
    public void saveScript(Path file) {
        write(file, gcloudScript.get());
    }

    /** Saves the REST requests as shown: the password is a placeholder. */
    public void saveRequests(Path file) {
        write(file, requestsText.get());
    }

    private void write(Path file, String text) {
        if (text.isEmpty()) {
            return;
        }
        problem.set(null);
        tasks.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8), written -> outcome.set("saved to " + file),
                e -> problem.set(Problem.of(new UserFacingException("the file could not be saved to " + file + ": "
                        + e.getMessage(), "choose a folder you can write to"))));
    }

    /** Asks the Datastream API which addresses the region connects from (a real call, read only). */
    public void fetchStaticIps() {
        if (busy.get()) {
            return;
        }
        problem.set(null);
        Path key = draft.datastream.keyFile.get();
        String regionProblem = io.walbridge.core.handoff.datastream.DatastreamSettings.regionProblem(draft.datastream.region.get());
        String projectProblem = io.walbridge.core.handoff.datastream.DatastreamSettings.projectProblem(draft.datastream.project.get());
        if (key == null || regionProblem != null || projectProblem != null) {
            problem.set(new Problem("the addresses cannot be asked for yet",
                    key == null ? "choose the service account key file first" : "enter the project and the region first"));
            return;
        }
        var settings = draft.datastream.toSettings();
        busy.set(true);
        tasks.run(() -> clients.apply(key).fetchStaticIps(settings), ips -> {
            busy.set(false);
            staticIps.set("Allow these addresses of " + settings.region() + " on the source: " + String.join(", ", ips));
        }, e -> {
            busy.set(false);
            problem.set(Problem.of(e));
        });
    }

    /** Creates the profiles and the stream in Google Cloud and starts it: real calls, billed to the project. */
    public void createInCloud() {
        if (busy.get()) {
            return;
        }
        problem.set(null);
        outcome.set("");
        Path key = draft.datastream.keyFile.get();
        if (key == null) {
            problem.set(new Problem("no service account key file is chosen",
                    "choose the JSON key of a service account with the Datastream Admin role"));
            return;
        }
        DatastreamRequests requests;
        try {
            requests = requests();
        } catch (UserFacingException e) {
            problem.set(Problem.of(e));
            return;
        }
        Secret password = draft.source.secret();
        log.clear();
        busy.set(true);
        tasks.run(() -> clients.apply(key).create(requests, password, line -> tasks.onUi(() -> log.add(line))),
                (List<String> done) -> {
                    busy.set(false);
                    outcome.set("stream " + requests.settings().streamId() + " runs in " + requests.settings().parent());
                }, e -> {
                    busy.set(false);
                    problem.set(Problem.of(e, password));
                });
    }
}
