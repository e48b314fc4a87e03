package io.walbridge.core.monitor;

import io.walbridge.core.source.PgEndpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WAL history of every slot of one source, for charts: the last hour in memory, the last day on
 * disk in one fixed-size file per slot ({@link RingFileSeries}; about 2.6 MB for a day). A slot's file is
 * deleted once it holds nothing from the last day, so the directory never holds more than one file per
 * slot seen that day.
 */
public final class SlotHistory implements AutoCloseable {

    public static final int DAY_SECONDS = 86_400;
    public static final int MEMORY_POINTS = 3_600;
    private static final String SUFFIX = ".wbh";
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Path directory;
    private final int fileSeconds;
    private final int memoryPoints;
    private final Map<String, RingFileSeries> files = new HashMap<>();
    private final Map<String, MemorySeries> memory = new HashMap<>();
    private Instant lastPrune;

    /** History under {@code stateDir/history/<host>-<port>/}. */
    public static SlotHistory forSource(Path stateDir, PgEndpoint source) {
        return new SlotHistory(stateDir.resolve("history").resolve(SourceKey.of(source).fileName()), DAY_SECONDS, MEMORY_POINTS);
    }

    SlotHistory(Path directory, int fileSeconds, int memoryPoints) {
        this.directory = directory;
        this.fileSeconds = fileSeconds;
        this.memoryPoints = memoryPoints;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the slot history directory " + directory, e);
        }
    }

    /** Adds one point per slot of the poll; slots that are gone keep their file until it is a day old. */
    public synchronized void record(SourceSlots poll) {
        Set<String> present = poll.slots().stream().map(SlotStatus::name).collect(Collectors.toSet());
        for (SlotStatus slot : poll.slots()) {
            HistoryPoint point = HistoryPoint.of(poll, slot);
            memory.computeIfAbsent(slot.name(), s -> new MemorySeries(memoryPoints)).add(point);
            file(slot.name()).add(point);
        }
        memory.keySet().retainAll(present);
        files.entrySet().removeIf(e -> {
            if (!present.contains(e.getKey())) {
                e.getValue().close(); // a dropped slot must not hold a file handle for a day
                return true;
            }
            return false;
        });
        if (lastPrune == null || Duration.between(lastPrune, poll.takenAt()).compareTo(PRUNE_EVERY) >= 0) {
            prune(poll.takenAt(), present);
            lastPrune = poll.takenAt();
        }
    }

    /** The slot's points in {@code [from, to]}, at most {@code maxPoints}, from memory when it reaches back far enough. */
    public synchronized List<HistoryPoint> points(String slot, Instant from, Instant to, int maxPoints) {
        MemorySeries recent = memory.get(slot);
        if (recent != null && recent.oldest() != null && !recent.oldest().isAfter(from)) {
            return recent.points(from, to, maxPoints);
        }
        if (!files.containsKey(slot) && !Files.exists(fileOf(slot))) {
            return List.of();
        }
        if (files.containsKey(slot)) {
            return files.get(slot).points(from, to, maxPoints);
        }
        try (RingFileSeries old = new RingFileSeries(fileOf(slot), fileSeconds)) {
            return old.points(from, to, maxPoints);
        }
    }

    /** Deletes the files of absent slots that hold nothing newer than the window. */
    synchronized void prune(Instant now, Set<String> present) {
        Instant cutoff = now.minusSeconds(fileSeconds);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : stream) {
                String name = f.getFileName().toString();
                String slot = decode(name.substring(0, name.length() - SUFFIX.length()));
                if (present.contains(slot)) {
                    continue;
                }
                Instant newest;
                try (RingFileSeries series = new RingFileSeries(f, fileSeconds)) {
                    newest = series.newest();
                }
                if (newest == null || newest.isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prune the slot history in " + directory, e);
        }
    }

    @Override
    public synchronized void close() {
        files.values().forEach(RingFileSeries::close);
        files.clear();
    }

    private RingFileSeries file(String slot) {
        return files.computeIfAbsent(slot, s -> new RingFileSeries(fileOf(s), fileSeconds));
    }

    private Path fileOf(String slot) {
        return directory.resolve(encode(slot) + SUFFIX);
    }

    /** Slot names are [a-z0-9_] by PostgreSQL's rules; anything else is hex-escaped to stay a safe file name. */
    static String encode(String slot) {
        StringBuilder sb = new StringBuilder();
        for (byte b : slot.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    static String decode(String fileStem) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < fileStem.length(); i++) {
            char c = fileStem.charAt(i);
            if (c == '%' && i + 2 < fileStem.length() && isHex(fileStem.charAt(i + 1)) && isHex(fileStem.charAt(i + 2))) {
                bytes.write(Integer.parseInt(fileStem.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
