package io.walbridge.core.monitor;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.source.PgEndpoint;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per slot, since when it has been seen without a consumer. The server tells this itself
 * only from PostgreSQL 17 (inactive_since), so WalBridge keeps its own record, in memory and optionally
 * in a state file so that separate runs agree; the earlier of the two is what counts.
 */
public final class InactivityTracker {

    private final Map<String, Instant> since = new HashMap<>();
    private final InactivityStateFile file;
    private UserFacingException saveProblem;

    private InactivityTracker(InactivityStateFile file) {
        this.file = file;
        if (file != null) {
            since.putAll(file.load());
        }
    }

    /** A tracker that forgets everything when the program ends (e.g. the GUI, which polls continuously). */
    public static InactivityTracker inMemory() {
        return new InactivityTracker(null);
    }

    /** A tracker kept in {@code stateDir}, one file per source server (slots belong to the whole server). */
    public static InactivityTracker persistent(Path stateDir, PgEndpoint source) {
        SourceKey key = SourceKey.of(source);
        Path file = stateDir.resolve("inactive-slots-" + key.fileName() + ".json");
        return new InactivityTracker(new InactivityStateFile(file, key.toString()));
    }

    /**
     * Takes in one poll's slots and returns, for each inactive one, since when it is inactive. Slots that
     * became active or disappeared are forgotten, so a slot that goes idle again starts a new period.
     */
    public synchronized Map<String, Instant> update(List<SlotStatus> slots, Instant now) {
        Map<String, Instant> next = new HashMap<>();
        for (SlotStatus s : slots) {
            if (s.active()) {
                continue;
            }
            Instant seen = since.getOrDefault(s.name(), now);
            Instant server = s.serverInactiveSince();
            next.put(s.name(), server != null && server.isBefore(seen) ? server : seen);
        }
        boolean changed = !next.equals(since);
        since.clear();
        since.putAll(next);
        if (changed && file != null) {
            save();
        }
        return Map.copyOf(next);
    }

    /** Why the last save failed, if it did; tracking goes on in memory meanwhile. */
    public synchronized Optional<UserFacingException> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }

    /** Where the state is kept, if anywhere. */
    public Optional<Path> stateFile() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    private void save() {
        try {
            file.save(since);
            saveProblem = null;
        } catch (UserFacingException e) {
            saveProblem = e;
        }
    }
}
