package io.walbridge.app.wizard;

import io.walbridge.core.handoff.datastream.DatasetMode;
import io.walbridge.core.handoff.datastream.DatastreamSettings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/** The Datastream hand-off's fields as typed; ids are filled from the slot when the engine step opens. */
public final class DatastreamForm {

    public final StringProperty project = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty("us-central1");
    public final StringProperty sourceProfileId = new SimpleStringProperty("");
    public final StringProperty destinationProfileId = new SimpleStringProperty("");
    public final StringProperty streamId = new SimpleStringProperty("");
    public final ObjectProperty<DatasetMode> datasetMode = new SimpleObjectProperty<>(DatasetMode.DATASET_PER_SCHEMA);
    public final StringProperty dataset = new SimpleStringProperty("");
    public final StringProperty datasetLocation = new SimpleStringProperty("US");
    public final StringProperty stalenessMinutes = new SimpleStringProperty("15");
    /** The service account key for the optional real calls; never saved with the pipeline. */
    public final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();

    void fillDefaults(String slot) {
        DatastreamSettings d = DatastreamSettings.defaults(slot);
        if (sourceProfileId.get().isBlank()) {
            sourceProfileId.set(d.sourceProfileId());
        }
        if (destinationProfileId.get().isBlank()) {
            destinationProfileId.set(d.destinationProfileId());
        }
        if (streamId.get().isBlank()) {
            streamId.set(d.streamId());
        }
    }

    public static String stalenessProblem(String v) {
        try {
            long m = Long.parseLong(v == null ? "" : v.strip());
            return DatastreamSettings.stalenessProblem(m * 60) == null ? null : "from 0 to 1440 minutes (one day)";
        } catch (NumberFormatException e) {
            return "the staleness limit is a number of minutes, e.g. 15";
        }
    }

    public DatastreamSettings toSettings() {
        long minutes = stalenessProblem(stalenessMinutes.get()) == null ? Long.parseLong(stalenessMinutes.get().strip()) : 15;
        return new DatastreamSettings(project.get().strip(), region.get().strip(), sourceProfileId.get().strip(),
                destinationProfileId.get().strip(), streamId.get().strip(), datasetMode.get(), dataset.get().strip(),
                datasetLocation.get().strip(), minutes * 60);
    }

    void load(DatastreamSettings s) {
        if (s == null) {
            return;
        }
        project.set(s.project());
        region.set(s.region());
        sourceProfileId.set(s.sourceProfileId());
        destinationProfileId.set(s.destinationProfileId());
        streamId.set(s.streamId());
        datasetMode.set(s.datasetMode());
        dataset.set(s.dataset() == null ? "" : s.dataset());
        datasetLocation.set(s.datasetLocation() == null ? "" : s.datasetLocation());
        stalenessMinutes.set(String.valueOf(s.stalenessSeconds() / 60));
    }
}
