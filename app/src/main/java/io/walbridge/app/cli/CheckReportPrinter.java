package io.walbridge.app.cli;

import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.DiagnosticsListener;
import io.walbridge.core.setup.DiagnosticsReport;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.Status;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Prints each stage as one line as soon as it finishes ({@code PASS  tls  ...}), with indented cause and
 * fix lines under failures and warnings, and a closing verdict. The format is documented in docs/check.md.
 */
final class CheckReportPrinter implements DiagnosticsListener {

    private static final int LABEL_WIDTH = Arrays.stream(Stage.values()).mapToInt(s -> s.label().length()).max().orElse(10);
    private static final String INDENT = "      ";

    private final PrintWriter out;

    CheckReportPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void finished(CheckResult result) {
        out.println(word(result.status()) + "  " + pad(result.stage().label()) + "  " + result.summary());
        if (result.status() == Status.FAILED || result.status() == Status.WARNING) {
            block("cause: ", result.detail());
            block("fix:   ", result.fix());
        }
        out.flush();
    }

    void verdict(DiagnosticsReport report) {
        long warnings = report.count(Status.WARNING);
        if (report.ready()) {
            out.println("ready: the source can be replicated" + (warnings == 0 ? "" : " (" + warnings + " warning"
                    + (warnings == 1 ? "" : "s") + " above)"));
        } else {
            long failed = report.count(Status.FAILED);
            out.println("not ready: " + failed + " stage" + (failed == 1 ? "" : "s") + " failed; fix "
                    + (failed == 1 ? "it" : "them") + " and run the check again");
        }
        out.flush();
    }

    private void block(String head, String text) {
        if (text.isBlank()) {
            return;
        }
        String continuation = INDENT + " ".repeat(head.length());
        boolean first = true;
        for (String line : text.split("\n")) {
            out.println((first ? INDENT + head : continuation) + line);
            first = false;
        }
    }

    static String word(Status status) {
        return switch (status) {
            case PASSED -> "PASS";
            case WARNING -> "WARN";
            case FAILED -> "FAIL";
            case SKIPPED -> "SKIP";
        };
    }

    private static String pad(String label) {
        return label + " ".repeat(LABEL_WIDTH - label.length());
    }
}
