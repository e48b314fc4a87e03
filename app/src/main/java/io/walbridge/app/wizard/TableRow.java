package io.walbridge.app.wizard;

import io.walbridge.core.change.TableId;
import io.walbridge.core.setup.TableFacts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One table in the picker: the facts read from the server, and whether the user chose it. */
public final class TableRow {

    private final TableFacts facts;
    public final BooleanProperty selected = new SimpleBooleanProperty(false);

    public TableRow(TableFacts facts) {
        this.facts = facts;
    }

    public TableFacts facts() {
        return facts;
    }

    public TableId id() {
        return facts.id();
    }

    public String schema() {
        return facts.id().schema();
    }

    public String name() {
        return facts.id().name();
    }

    /** {@code ~12,400}, or a word when PostgreSQL has no estimate yet. */
    public String rows() {
        if (facts.partitioned()) {
            return "partitioned";
        }
        return facts.estimatedRows() < 0 ? "not analyzed" : String.format(Locale.ROOT, "~%,d", facts.estimatedRows());
    }

    public String size() {
        return bytes(facts.totalBytes());
    }

    public String key() {
        return facts.keyStatus();
    }

    /** What stands in the way of replicating the table as it is: blank when nothing does. */
    public String flags() {
        List<String> out = new ArrayList<>();
        if (!facts.publishable()) {
            out.add("unlogged: cannot be published");
        }
        if (!facts.replicatesUpdates()) {
            out.add("UPDATE/DELETE fail once published without a key or REPLICA IDENTITY FULL");
        }
        out.addAll(facts.flaggedTypes());
        return String.join("; ", out);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
