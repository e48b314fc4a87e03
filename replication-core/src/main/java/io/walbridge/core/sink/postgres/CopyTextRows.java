package io.walbridge.core.sink.postgres;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Row;
import io.walbridge.core.change.TableId;
import org.postgresql.copy.CopyIn;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in COPY's text format, sent in large messages: tab between columns, {@code \N} for NULL, and
 * backslash escapes for backslash, newline, carriage return and tab. Values are pgoutput's own UTF-8
 * text bytes, copied as they are (continuation bytes of multi-byte characters never look like the four).
 */
final class CopyTextRows {

    private static final int SEND_AT = 256 * 1024;

    private final CopyIn in;
    private byte[] buf = new byte[SEND_AT + 8192];
    private int used;

    CopyTextRows(CopyIn in) {
        this.in = in;
    }

    void append(Row row, List<Integer> cells, TableId table) throws SQLException {
        boolean first = true;
        for (int i : cells) {
            if (!first) {
                put((byte) '\t');
            }
            first = false;
            Cell cell = row.get(i);
            if (cell instanceof Cell.Text t) {
                putEscaped(t.utf8());
            } else if (cell instanceof Cell.Null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                throw new IllegalStateException("unexpected cell " + cell + " in " + table);
            }
        }
        put((byte) '\n');
        if (used >= SEND_AT) {
            send();
        }
    }

    /** Sends what is buffered; call before ending the COPY. */
    void send() throws SQLException {
        if (used > 0) {
            in.writeToCopy(buf, 0, used);
            used = 0;
        }
    }

    private void putEscaped(byte[] value) {
        ensure(value.length * 2);
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            byte escape = switch (value[i]) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                System.arraycopy(value, from, buf, used, i - from);
                used += i - from;
                buf[used++] = '\\';
                buf[used++] = escape;
                from = i + 1;
            }
        }
        System.arraycopy(value, from, buf, used, value.length - from);
        used += value.length - from;
    }

    private void put(byte b) {
        ensure(1);
        buf[used++] = b;
    }

    private void ensure(int more) {
        if (used + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, used + more));
        }
    }
}
