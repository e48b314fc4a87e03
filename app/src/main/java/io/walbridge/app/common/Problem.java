package io.walbridge.app.common;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failure as the UI shows it: what is wrong and what to do, never a stack trace, never a password. */
public record Problem(String problem, String fix) {

    private static final Logger LOG = LoggerFactory.getLogger(Problem.class);

    public static Problem of(Throwable error, Secret... secrets) {
        Problem p;
        if (error instanceof UserFacingException u) {
            p = new Problem(u.problem(), u.fix());
        } else {
            // not foreseen: the log keeps the details for a bug report, the user gets one line
            LOG.warn("unexpected failure", error);
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            p = new Problem("unexpected error: " + message.lines().findFirst().orElse(message),
                    "try again; if it keeps happening, report it with the log printed on the console");
        }
        for (Secret s : secrets) {
            p = new Problem(s.scrub(p.problem()), s.scrub(p.fix()));
        }
        return p;
    }

    /** Problem and fix as two lines for a label. */
    public String text() {
        return fix.isEmpty() ? problem : problem + "\nFix: " + fix;
    }
}
