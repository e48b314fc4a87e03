package io.walbridge.core.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walbridge.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The small JSON file that keeps "inactive since" per slot between runs (e.g. {@code walbridge status} from cron). */
final class InactivityStateFile {

    private static final Logger log = LoggerFactory.getLogger(InactivityStateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's content: which source it belongs to, and per slot an ISO-8601 instant. */
    record State(String source, Map<String, String> inactiveSince) {
    }

    private final Path file;
    private final String source;

    InactivityStateFile(Path file, String source) {
        this.file = file;
        this.source = source;
    }

    Path path() {
        return file;
    }

    /** What an earlier run saw; empty when there was none, or when the file is unreadable (it only caches observations). */
    Map<String, Instant> load() {
        Map<String, Instant> result = new LinkedHashMap<>();
        try {
            State state = JSON.readValue(Files.readString(file), State.class);
            if (state != null && state.inactiveSince() != null) {
                state.inactiveSince().forEach((slot, since) -> {
                    if (slot != null && since != null) {
                        result.put(slot, Instant.parse(since));
                    }
                });
            }
        } catch (NoSuchFileException e) {
            return result;
        } catch (IOException | DateTimeParseException e) {
            log.warn("ignoring unreadable monitor state {}: {}", file, e.getMessage());
            result.clear();
        }
        return result;
    }

    /** Replaces the file in one step, so a run that is killed midway leaves the previous state, never half of one. */
    void save(Map<String, Instant> since) {
        Map<String, String> sorted = new TreeMap<>();
        since.forEach((slot, at) -> sorted.put(slot, at.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json(new State(source, sorted)));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserFacingException("could not save the monitor state to " + file + ": " + e.getMessage(),
                    "make the directory writable, or choose another one with --state-dir", e);
        }
    }

    private static String json(State state) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write monitor state as JSON", e);
        }
    }
}
