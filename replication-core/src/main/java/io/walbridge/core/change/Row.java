package io.walbridge.core.change;

import java.util.List;

/** A tuple of cells in the column order of the relation it belongs to. */
public record Row(List<Cell> cells) {

    public Row {
        cells = List.copyOf(cells);
    }

    public static Row of(Cell... cells) {
        return new Row(List.of(cells));
    }

    public Cell get(int i) {
        return cells.get(i);
    }

    public int size() {
        return cells.size();
    }

    /** Approximate heap bytes, used to bound queues in bytes rather than in counts. */
    public long estimatedBytes() {
        long bytes = 16;
        for (Cell c : cells) {
            bytes += 16;
            if (c instanceof Cell.Text t) {
                bytes += 16 + t.utf8().length;
            } else if (c instanceof Cell.Binary b) {
                bytes += 16 + b.value().length;
            }
        }
        return bytes;
    }
}
