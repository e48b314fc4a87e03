package io.walbridge.core.setup;

import io.walbridge.core.config.Secret;

import java.util.Objects;

/**
 * What one stage found: a one-line summary, the detail behind it (the cause, or facts such as the
 * names a certificate holds) and what the user can do. Texts may span lines; none holds a password.
 */
public record CheckResult(Stage stage, Status status, String summary, String detail, String fix) {

    public CheckResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    public static CheckResult passed(Stage stage, String summary) {
        return new CheckResult(stage, Status.PASSED, summary, "", "");
    }

    public static CheckResult passed(Stage stage, String summary, String detail) {
        return new CheckResult(stage, Status.PASSED, summary, detail, "");
    }

    public static CheckResult warning(Stage stage, String summary, String detail, String fix) {
        return new CheckResult(stage, Status.WARNING, summary, detail, fix);
    }

    public static CheckResult failed(Stage stage, String summary, String detail, String fix) {
        return new CheckResult(stage, Status.FAILED, summary, detail, fix);
    }

    public static CheckResult skipped(Stage stage, String summary) {
        return new CheckResult(stage, Status.SKIPPED, summary, "", "");
    }

    /** This result with every occurrence of the secret masked (server messages can echo what the user typed). */
    public CheckResult scrubbed(Secret secret) {
        return new CheckResult(stage, status, secret.scrub(summary), secret.scrub(detail), secret.scrub(fix));
    }

    /** Whether replication can go ahead as far as this stage is concerned. */
    public boolean isOk() {
        return status == Status.PASSED || status == Status.WARNING;
    }
}
