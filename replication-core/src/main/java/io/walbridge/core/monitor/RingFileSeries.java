package io.walbridge.core.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * One slot's points of the last {@code seconds} seconds in a file of fixed size: the point of second
 * {@code s} lives in record {@code s mod seconds}, so writing never grows the file and a point older
 * than the window is simply overwritten. Each record carries its second, so a stale or never-written
 * record is recognised and skipped; a torn write spoils one second, not the file.
 */
public final class RingFileSeries implements TimeSeries, AutoCloseable {

    static final int RECORD_BYTES = 32;
    static final int HEADER_BYTES = 32;
    private static final long MAGIC = 0x5742_4849_5354_0001L; // "WBHIST", format 1
    private static final int PRESENT = 1;
    private static final int ACTIVE = 2;

    private final FileChannel channel;
    private final int seconds;

    /** Opens or creates the file; a file of another format or window is started afresh. */
    public RingFileSeries(Path file, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("the window must be at least one second, got " + seconds);
        }
        this.seconds = seconds;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (!headerMatches()) {
                channel.truncate(0);
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putInt(seconds).putInt(RECORD_BYTES);
                header.position(HEADER_BYTES - 1).put((byte) 0).flip();
                writeFully(header, 0);
                // the last byte fixes the file's size once; unwritten records read as zeros ("not present")
                writeFully(ByteBuffer.allocate(1), size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the slot history file " + file, e);
        }
    }

    /** The file's size, fixed by the window: header plus one record per second. */
    public long size() {
        return HEADER_BYTES + (long) seconds * RECORD_BYTES;
    }

    @Override
    public synchronized void add(HistoryPoint p) {
        long second = p.time().getEpochSecond();
        ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES).putLong(second).putLong(p.retainedBytes()).putLong(p.lagBytes())
                .putInt(PRESENT | (p.active() ? ACTIVE : 0)).putInt(0).flip();
        try {
            writeFully(b, position(second));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the slot history", e);
        }
    }

    @Override
    public synchronized List<HistoryPoint> points(Instant from, Instant to, int maxPoints) {
        Downsampler d = new Downsampler(from, to, maxPoints);
        long first = Math.max(from.getEpochSecond(), to.getEpochSecond() - seconds + 1);
        long count = to.getEpochSecond() - first + 1;
        if (count <= 0) {
            return d.result();
        }
        ByteBuffer records = read(first, (int) count);
        for (long s = first; s < first + count; s++) {
            long stored = records.getLong();
            long retained = records.getLong();
            long lag = records.getLong();
            int flags = records.getInt();
            records.getInt();
            if ((flags & PRESENT) != 0 && stored == s) {
                d.accept(new HistoryPoint(Instant.ofEpochSecond(s), retained, lag, (flags & ACTIVE) != 0));
            }
        }
        return d.result();
    }

    /** The newest second stored, or null when none is: how long ago the slot was last seen. */
    public synchronized Instant newest() {
        ByteBuffer all = read(0, seconds);
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < seconds; i++) {
            long stored = all.getLong(i * RECORD_BYTES);
            if ((all.getInt(i * RECORD_BYTES + 24) & PRESENT) != 0) {
                newest = Math.max(newest, stored);
            }
        }
        return newest == Long.MIN_VALUE ? null : Instant.ofEpochSecond(newest);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the slot history", e);
        }
    }

    /** {@code count} records starting with the one of second {@code first}, in time order (wrapping at the end). */
    private ByteBuffer read(long first, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * RECORD_BYTES);
        int index = (int) Math.floorMod(first, (long) seconds);
        int head = Math.min(count, seconds - index);
        try {
            readFully(b.limit(head * RECORD_BYTES), HEADER_BYTES + (long) index * RECORD_BYTES);
            readFully(b.limit(count * RECORD_BYTES), HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the slot history", e);
        }
        return b.flip();
    }

    private long position(long second) {
        return HEADER_BYTES + Math.floorMod(second, (long) seconds) * RECORD_BYTES;
    }

    private boolean headerMatches() throws IOException {
        if (channel.size() != size()) {
            return false;
        }
        ByteBuffer header = ByteBuffer.allocate(16);
        readFully(header, 0);
        header.flip();
        return header.getLong() == MAGIC && header.getInt() == seconds && header.getInt() == RECORD_BYTES;
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    private void readFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            int n = channel.read(b, at);
            if (n < 0) {
                b.position(b.limit()); // past the end: the rest reads as zeros, i.e. "not present"
                return;
            }
            at += n;
        }
    }
}
