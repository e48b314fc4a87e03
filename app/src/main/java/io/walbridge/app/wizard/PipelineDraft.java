package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.config.SecretStore;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.HandoffEngine;
import io.walbridge.core.handoff.PreparedSource;
import io.walbridge.core.setup.DiagnosticsReport;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.List;

/**
 * Everything entered in the wizard, shared by its steps: Back and Next move between views of one draft, so
 * nothing typed is lost, and a saved pipeline is edited by loading it into a draft.
 */
public final class PipelineDraft {

    public final StringProperty name = new SimpleStringProperty("");
    public final EndpointForm source = new EndpointForm();
    public final StringProperty publication = new SimpleStringProperty("walbridge_pub");
    public final StringProperty slot = new SimpleStringProperty("walbridge_slot");
    /** The tables to publish, in the order the picker lists them. */
    public final ObservableList<TableId> tables = FXCollections.observableArrayList();
    /** The source's tables without a primary key, as the table picker last read them. */
    public final ObservableSet<TableId> withoutPrimaryKey = FXCollections.observableSet();
    public final ObjectProperty<DestinationKind> destinationKind = new SimpleObjectProperty<>(DestinationKind.POSTGRESQL);
    public final EndpointForm destination = new EndpointForm();
    public final BigQueryForm bigQuery = new BigQueryForm();
    /** Who reads the prepared source: this app, or the engine it is handed to. */
    public final ObjectProperty<HandoffEngine> engine = new SimpleObjectProperty<>(HandoffEngine.IN_APP);
    public final DebeziumForm debezium = new DebeziumForm();
    public final DatastreamForm datastream = new DatastreamForm();
    /** The last connection test of the source, read by the network step. */
    public final ObjectProperty<DiagnosticsReport> sourceReport = new SimpleObjectProperty<>();
    /** Set when this draft was opened from a saved pipeline. */
    public final BooleanProperty saved = new SimpleBooleanProperty(false);

    public PipelineDraft() {
        destination.sslMode.set("prefer");
    }

    public SavedPipeline toSaved() {
        List<String> names = tables.stream().map(TableId::quoted).toList();
        HandoffEngine e = engine.get();
        boolean inApp = e == HandoffEngine.IN_APP;
        boolean bq = destinationKind.get() == DestinationKind.BIGQUERY;
        return new SavedPipeline(name.get(), source.toSaved(), publication.get(), slot.get(), names,
                destinationKind.get().key(), inApp && !bq ? destination.toSaved() : null,
                inApp && bq ? bigQuery.toSaved(appendOnlyTables()) : null, e.key(),
                e == HandoffEngine.DEBEZIUM ? debezium.toSettings() : null,
                e == HandoffEngine.DATASTREAM ? datastream.toSettings() : null);
    }

    /**
     * The chosen tables BigQuery writes one row per change, in the picker's order: those without a primary key
     * (nothing else is possible) and those marked append-only.
     */
    public List<TableId> appendOnlyTables() {
        return tables.stream().filter(t -> withoutPrimaryKey.contains(t) || bigQuery.appendOnly.contains(t)).toList();
    }

    /** The source as prepared in the earlier steps, with the login's password as typed or generated. */
    public PreparedSource toPrepared() {
        String port = EndpointForm.portProblem(source.port.get());
        if (port != null) {
            throw new io.walbridge.core.UserFacingException("source port: " + port, "correct it in the source step");
        }
        return new PreparedSource(source.host.get().strip(), Integer.parseInt(source.port.get().strip()),
                source.database.get(), source.user.get(), source.secret(), source.sslMode.get(), source.caFile.get(),
                publication.get(), slot.get(), List.copyOf(tables));
    }

    public static PipelineDraft of(SavedPipeline saved, SecretStore secrets) {
        PipelineDraft d = new PipelineDraft();
        d.name.set(saved.name());
        d.source.load(saved.source(), secrets.get(saved.sourceSecretKey()).orElse(Secret.NONE));
        d.publication.set(saved.publication());
        d.slot.set(saved.slot());
        saved.tables().forEach(t -> d.tables.add(TableId.parse(t)));
        d.destinationKind.set(DestinationKind.of(saved.destinationKind()));
        d.engine.set(saved.handoffEngine());
        d.debezium.load(saved.debezium());
        d.datastream.load(saved.datastream());
        if (saved.bigQuery() != null) {
            d.bigQuery.load(saved.bigQuery());
        }
        if (saved.destination() != null) {
            d.destination.load(saved.destination(), secrets.get(saved.destinationSecretKey()).orElse(Secret.NONE));
        }
        d.saved.set(true);
        return d;
    }
}
