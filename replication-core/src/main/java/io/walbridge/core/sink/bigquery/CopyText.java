package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Cell;
import io.walbridge.core.change.Row;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code COPY … TO STDOUT} text output as a row: tab-separated fields, {@code \N} for NULL,
 * backslash escapes undone byte by byte and the result read as UTF-8 (pgjdbc's client encoding).
 */
final class CopyText {

    private CopyText() {
    }

    static Row parse(byte[] data, int length) {
        int end = length;
        if (end > 0 && data[end - 1] == '\n') {
            end--;
        }
        List<Cell> cells = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || data[i] == '\t') {
                if (i - start == 2 && data[start] == '\\' && data[start + 1] == 'N') {
                    cells.add(Cell.NULL);
                } else {
                    cells.add(Cell.text(field.toString(StandardCharsets.UTF_8)));
                }
                field.reset();
                start = i + 1;
            } else if (data[i] == '\\' && i + 1 < end) {
                i = unescape(data, i + 1, end, field);
            } else {
                field.write(data[i]);
            }
        }
        return new Row(cells);
    }

    /** Writes the byte an escape stands for; returns the index of its last character. */
    private static int unescape(byte[] d, int i, int end, ByteArrayOutputStream out) {
        byte c = d[i];
        switch (c) {
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(0x0B);
            case 'x' -> {
                int v = 0;
                int j = i + 1;
                while (j < end && j < i + 3 && Character.digit(d[j], 16) >= 0) {
                    v = v * 16 + Character.digit(d[j], 16);
                    j++;
                }
                out.write(v);
                return j - 1;
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int v = 0;
                    int j = i;
                    while (j < end && j < i + 3 && d[j] >= '0' && d[j] <= '7') {
                        v = v * 8 + (d[j] - '0');
                        j++;
                    }
                    out.write(v);
                    return j - 1;
                }
                out.write(c);
            }
        }
        return i;
    }
}
