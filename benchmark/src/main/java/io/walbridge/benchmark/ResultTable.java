package io.walbridge.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats the measurements as one Markdown table (printed, and written to the results file). */
final class ResultTable {

    private ResultTable() {
    }

    static String markdown(List<Measurement> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| measurement | rows | native s | native rows/s | WalBridge s | WalBridge rows/s | native/WalBridge | target | result |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Measurement m : rows) {
            double wb = m.walbridgeMedian();
            out.append("| ").append(m.name()).append(m.note().isEmpty() ? "" : " — " + m.note())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", m.rows()));
            if (m.hasNative()) {
                out.append(" | ").append(seconds(m.nativeMedian())).append(" | ").append(rate(m.rows(), m.nativeMedian()));
            } else {
                out.append(" | ").append(m.nativeAbsent()).append(" | –");
            }
            out.append(" | ").append(seconds(wb)).append(" | ").append(rate(m.rows(), wb));
            if (m.hasNative()) {
                out.append(" | ").append(String.format(Locale.ROOT, "%.2f×", m.ratio()));
            } else {
                out.append(" | –");
            }
            out.append(" | ").append(m.target() == 0 ? "–" : String.format(Locale.ROOT, "≥ %.1f×", m.target()));
            out.append(" | ").append(m.target() == 0 || !m.hasNative() ? "–" : m.met() ? "met" : "**missed**").append(" |\n");
        }
        return out.toString();
    }

    /** Each run's seconds, so the spread behind a median can be seen. */
    static String runs(List<Measurement> rows) {
        return rows.stream().map(m -> "- " + m.name() + ": native " + list(m.nativeSeconds()) + ", WalBridge "
                + list(m.walbridgeSeconds())).collect(Collectors.joining("\n")) + "\n";
    }

    private static String list(List<Double> values) {
        return values.isEmpty() ? "–" : values.stream().map(ResultTable::seconds).collect(Collectors.joining(", ", "[", "] s"));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    static String rate(long rows, double seconds) {
        return String.format(Locale.ROOT, "%,.0f", rows / seconds);
    }
}
