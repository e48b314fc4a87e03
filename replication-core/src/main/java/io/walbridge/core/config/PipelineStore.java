package io.walbridge.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.walbridge.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The saved pipelines: one JSON file each in {@code <settings folder>/pipelines}, never holding a password. */
public final class PipelineStore {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineStore.class);

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // files written by a newer WalBridge still open in this one
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PipelineStore(Path configFolder) {
        this.dir = configFolder.resolve("pipelines");
    }

    public Path fileOf(String name) {
        return dir.resolve(name + ".json");
    }

    public Path save(SavedPipeline pipeline) {
        String problem = SavedPipeline.nameProblem(pipeline.name());
        if (problem != null) {
            throw new UserFacingException("the pipeline name '" + pipeline.name() + "' cannot be used", problem);
        }
        Path file = fileOf(pipeline.name());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".pipeline", ".tmp");
            json.writeValue(tmp.toFile(), pipeline);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UserFacingException("the pipeline could not be saved to " + file + ": " + e.getMessage(),
                    "check that the folder " + dir + " belongs to you and the disk has free space", e);
        }
    }

    public SavedPipeline load(String name) {
        Path file = fileOf(name);
        try {
            return json.readValue(file.toFile(), SavedPipeline.class);
        } catch (IOException e) {
            throw new UserFacingException("the pipeline file " + file + " cannot be read: " + firstLine(e),
                    "fix the file by hand or delete it and create the pipeline again");
        }
    }

    /** Every readable saved pipeline, by name; a damaged file is logged and left out rather than hiding the rest. */
    public List<SavedPipeline> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SavedPipeline> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    out.add(json.readValue(f.toFile(), SavedPipeline.class));
                } catch (IOException e) {
                    LOG.warn("skipping unreadable pipeline file {}: {}", f, firstLine(e));
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("the folder " + dir + " cannot be listed: " + e.getMessage(),
                    "check that it belongs to you");
        }
        out.sort(Comparator.comparing(SavedPipeline::name));
        return out;
    }

    /** A pipeline file that cannot be read, and why. */
    public record Damaged(Path file, String reason) {
    }

    /** The pipeline files {@link #list()} leaves out because they cannot be read (bad JSON, unreadable). */
    public List<Damaged> damaged() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Damaged> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    json.readValue(f.toFile(), SavedPipeline.class);
                } catch (IOException e) {
                    out.add(new Damaged(f, firstLine(e)));
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("the folder " + dir + " cannot be listed: " + e.getMessage(),
                    "check that it belongs to you");
        }
        return out;
    }

    private static String firstLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
