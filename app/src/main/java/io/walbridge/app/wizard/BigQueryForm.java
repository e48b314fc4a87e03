package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.SavedBigQuery;
import io.walbridge.core.sink.bigquery.BigQueryEndpoints;
import io.walbridge.core.sink.bigquery.BigQueryTarget;
import io.walbridge.core.sink.bigquery.ValuePolicy;
import io.walbridge.core.source.InvalidEndpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The fields of a BigQuery destination as typed, with a rule per field. The key file is kept as a path only. */
public final class BigQueryForm {

    private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{1,61}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    public final StringProperty project = new SimpleStringProperty("");
    public final StringProperty dataset = new SimpleStringProperty("");
    public final StringProperty location = new SimpleStringProperty("");
    public final StringProperty keyFile = new SimpleStringProperty("");
    /** Application Default Credentials instead of a key file. */
    public final BooleanProperty defaultCredentials = new SimpleBooleanProperty(false);
    public final StringProperty staleness = new SimpleStringProperty("15m");
    /** Tables with a primary key marked to get one row per change (a table without one always does). */
    public final ObservableSet<TableId> appendOnly = FXCollections.observableSet();
    /** What happens to a value BigQuery cannot hold: stop the pipeline (default) or write NULL and log it. */
    public final ObjectProperty<ValuePolicy> unrepresentable = new SimpleObjectProperty<>(ValuePolicy.FAIL);
    /** Google, or (tests) an emulator; not shown in the form. */
    public final ObjectProperty<BigQueryEndpoints> endpoints = new SimpleObjectProperty<>(BigQueryEndpoints.GOOGLE);

    /** The first field that breaks its rule, as a sentence; null when the form is complete. */
    public String problem() {
        String p = project.get() == null ? "" : project.get().strip();
        if (!PROJECT.matcher(p).matches()) {
            return "enter the Google Cloud project ID (lowercase letters, digits and dashes), e.g. my-project-123";
        }
        String d = dataset.get() == null ? "" : dataset.get().strip();
        if (!DATASET.matcher(d).matches()) {
            return "enter the dataset name (letters, digits and _); WalBridge creates it when it does not exist";
        }
        if (!defaultCredentials.get()) {
            String k = keyFile.get() == null ? "" : keyFile.get().strip();
            if (k.isEmpty()) {
                return "choose the service account's JSON key file, or use Application Default Credentials";
            }
            if (!Files.isReadable(Path.of(k))) {
                return "the key file " + k + " does not exist or cannot be read";
            }
        }
        try {
            BigQueryTarget.staleness(staleness.get() == null || staleness.get().isBlank() ? "15m" : staleness.get().strip());
        } catch (InvalidEndpoint e) {
            return "maximum staleness: write it like 15m, 1h or 0 for none";
        }
        return null;
    }

    /** The destination to save, writing {@code appendOnlyTables} one row per change (see PipelineDraft). */
    public SavedBigQuery toSaved(List<TableId> appendOnlyTables) {
        BigQueryEndpoints e = endpoints.get();
        return new SavedBigQuery(project.get().strip(), dataset.get().strip(), blankToNull(location.get()),
                defaultCredentials.get() ? null : blankToNull(keyFile.get()), staleness.get(),
                e.isGoogle() ? null : e.api(), e.isGoogle() ? null : e.writeApi(),
                appendOnlyTables.stream().map(TableId::quoted).toList(), unrepresentable.get().key());
    }

    public void load(SavedBigQuery saved) {
        project.set(saved.project());
        dataset.set(saved.dataset());
        location.set(saved.location() == null ? "" : saved.location());
        defaultCredentials.set(saved.keyFile() == null);
        keyFile.set(saved.keyFile() == null ? "" : saved.keyFile());
        staleness.set(saved.staleness() == null ? "15m" : saved.staleness());
        appendOnly.clear();
        appendOnly.addAll(saved.appendOnlyTables());
        unrepresentable.set(ValuePolicy.parse(saved.unrepresentable()));
        endpoints.set(saved.api() == null ? BigQueryEndpoints.GOOGLE : BigQueryEndpoints.local(saved.api(), saved.writeApi()));
    }

    /** {@code project.dataset (location)} for summaries. */
    public String display() {
        return project.get() + "." + dataset.get() + (location.get() == null || location.get().isBlank() ? ""
                : " (" + location.get() + ")") + ", " + (defaultCredentials.get() ? "Application Default Credentials"
                : "key file " + keyFile.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
