package io.walbridge.core.setup;

import java.util.List;
import java.util.Optional;

/** Every stage's result from one run, in stage order. */
public record DiagnosticsReport(List<CheckResult> results) {

    public DiagnosticsReport {
        results = List.copyOf(results);
    }

    /** True when replication can start: every stage passed or only warned. */
    public boolean ready() {
        return !results.isEmpty() && results.stream().allMatch(CheckResult::isOk);
    }

    public Optional<CheckResult> result(Stage stage) {
        return results.stream().filter(r -> r.stage() == stage).findFirst();
    }

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
