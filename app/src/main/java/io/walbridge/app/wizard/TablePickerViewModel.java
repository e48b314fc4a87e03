package io.walbridge.app.wizard;

import io.walbridge.app.common.Problem;
import io.walbridge.app.common.Services;
import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.ServerRefusal;
import io.walbridge.core.setup.TableFacts;
import io.walbridge.core.setup.TableInventory;
import io.walbridge.core.source.PgEndpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The source's tables with their size, key and type flags; the user ticks the ones to replicate. */
public final class TablePickerViewModel {

    private final PipelineDraft draft;
    private final Services services;
    public final ObservableList<TableRow> rows = FXCollections.observableArrayList();
    public final BooleanProperty loading = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** Chosen tables that cannot replicate UPDATE/DELETE as they are: candidates for REPLICA IDENTITY FULL. */
    public final IntegerProperty chosenWithoutKey = new SimpleIntegerProperty();

    public TablePickerViewModel(PipelineDraft draft, Services services) {
        this.draft = draft;
        this.services = services;
    }

    /** Reads the tables again; what was chosen before stays chosen. */
    public void load() {
        if (loading.get()) {
            return;
        }
        problem.set(null);
        PgEndpoint endpoint;
        try {
            endpoint = draft.source.toEndpoint();
        } catch (RuntimeException e) {
            problem.set(Problem.of(e));
            return;
        }
        loading.set(true);
        services.tasks().run(() -> read(endpoint), this::show, e -> {
            loading.set(false);
            problem.set(Problem.of(e, endpoint.password()));
        });
    }

    private List<TableFacts> read(PgEndpoint endpoint) {
        try (Connection c = services.connections().open(endpoint)) {
            return TableInventory.read(c);
        } catch (SQLException e) {
            throw ServerRefusal.explain(e, "list the source's tables", "connect as a user that may read the catalog")
                    .asException(e);
        }
    }

    private void show(List<TableFacts> tables) {
        loading.set(false);
        Set<TableId> chosen = new HashSet<>(draft.tables);
        rows.setAll(tables.stream().map(TableRow::new).toList());
        // the BigQuery destination writes these append-only whatever is marked: it shows them so
        draft.withoutPrimaryKey.clear();
        tables.stream().filter(t -> !t.hasPrimaryKey()).map(TableFacts::id).forEach(draft.withoutPrimaryKey::add);
        for (TableRow r : rows) {
            r.selected.set(chosen.contains(r.id()));
            r.selected.addListener((obs, was, is) -> syncDraft());
        }
        syncDraft();
    }

    public void selectAll(boolean on) {
        rows.forEach(r -> r.selected.set(on && r.facts().publishable()));
    }

    private void syncDraft() {
        List<TableId> chosen = rows.stream().filter(r -> r.selected.get()).map(TableRow::id).toList();
        if (!draft.tables.equals(chosen)) {
            draft.tables.setAll(chosen);
        }
        chosenWithoutKey.set((int) rows.stream().filter(r -> r.selected.get() && !r.facts().replicatesUpdates()).count());
    }
}
