package io.walbridge.core.source;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Reads protocol fields from a buffer slice by position (pgjdbc hands out slices, not whole arrays). */
final class WireReader {

    /** PostgreSQL timestamps count microseconds from 2000-01-01 00:00 UTC. */
    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final ByteBuffer buf;

    WireReader(ByteBuffer buf) {
        this.buf = buf;
    }

    byte int8() {
        return buf.get();
    }

    short int16() {
        return buf.getShort();
    }

    int int32() {
        return buf.getInt();
    }

    long int64() {
        return buf.getLong();
    }

    long uint32() {
        return Integer.toUnsignedLong(buf.getInt());
    }

    Instant timestamp() {
        long micros = buf.getLong();
        return PG_EPOCH.plus(Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    /** A NUL-terminated string; bytes are collected first so multi-byte UTF-8 names decode correctly. */
    String cstring() {
        int start = buf.position();
        int end = start;
        while (buf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buf.get(bytes);
        buf.get(); // the NUL
        return new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] bytes(int length) {
        byte[] out = new byte[length];
        buf.get(out);
        return out;
    }

    boolean hasRemaining() {
        return buf.hasRemaining();
    }

    int remaining() {
        return buf.remaining();
    }
}
