package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.config.Secret;
import io.walbridge.core.setup.checks.AuthenticationCheck;
import io.walbridge.core.setup.checks.DatabaseCheck;
import io.walbridge.core.setup.checks.ReplicaIdentityCheck;
import io.walbridge.core.setup.checks.ReplicationCapacityCheck;
import io.walbridge.core.setup.checks.ReplicationPrivilegeCheck;
import io.walbridge.core.setup.checks.ResolveHostCheck;
import io.walbridge.core.setup.checks.ServerVersionCheck;
import io.walbridge.core.setup.checks.TcpConnectCheck;
import io.walbridge.core.setup.checks.TlsCheck;
import io.walbridge.core.setup.checks.WalLevelCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The staged connection test: runs each check in order, reports each result to a listener as soon as
 * it is known, and skips the rest once a blocking stage failed or the run was cancelled.
 */
public final class Diagnostics {

    private static final Logger LOG = LoggerFactory.getLogger(Diagnostics.class);

    private final List<Check> checks;
    private final Clock clock;
    private final ConnectionFactory connections;

    public Diagnostics() {
        this(standardChecks(), Clock.systemUTC(), ConnectionFactory.PGJDBC);
    }

    public Diagnostics(List<Check> checks, Clock clock, ConnectionFactory connections) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
        this.connections = connections;
    }

    /** The ten stages, from name resolution to replica identity. */
    public static List<Check> standardChecks() {
        return List.of(new ResolveHostCheck(), new TcpConnectCheck(), new TlsCheck(), new AuthenticationCheck(),
                new DatabaseCheck(), new ServerVersionCheck(), new WalLevelCheck(), new ReplicationCapacityCheck(),
                new ReplicationPrivilegeCheck(), new ReplicaIdentityCheck());
    }

    public DiagnosticsReport run(CheckTarget target, DiagnosticsListener listener) {
        return run(target, listener, new Cancellation());
    }

    public DiagnosticsReport run(CheckTarget target, DiagnosticsListener listener, Cancellation cancellation) {
        List<CheckResult> results = new ArrayList<>();
        Stage blockedBy = null;
        try (CheckContext context = new CheckContext(target, clock, connections, cancellation)) {
            for (Check check : checks) {
                CheckResult result;
                if (cancellation.isCancelled()) {
                    result = cancelled(check.stage());
                } else if (blockedBy != null) {
                    result = CheckResult.skipped(check.stage(), "not checked: the " + blockedBy.label() + " stage failed");
                } else {
                    listener.started(check.stage());
                    result = runOne(check, context);
                }
                for (Secret secret : target.secrets()) {
                    result = result.scrubbed(secret);
                }
                if (result.status() == Status.FAILED && check.stage().blocksLaterStages() && blockedBy == null) {
                    blockedBy = check.stage();
                }
                results.add(result);
                listener.finished(result);
            }
        }
        return new DiagnosticsReport(results);
    }

    private static CheckResult runOne(Check check, CheckContext context) {
        try {
            CheckResult result = check.run(context);
            // a stage whose socket or session was closed under it by cancel() reports a failure that is not real
            return context.cancellation().isCancelled() ? cancelled(check.stage()) : result;
        } catch (UserFacingException e) {
            return context.cancellation().isCancelled() ? cancelled(check.stage())
                    : CheckResult.failed(check.stage(), e.problem(), "", e.fix());
        } catch (IOException | SQLException | RuntimeException e) {
            if (context.cancellation().isCancelled()) {
                return cancelled(check.stage());
            }
            LOG.debug("the {} check could not run", check.stage().label(), e);
            return CheckResult.failed(check.stage(), "the " + check.stage().label() + " check could not run: " + firstLine(e),
                    "", "run the check again; if it keeps failing, check the server's log for errors at this time");
        }
    }

    private static CheckResult cancelled(Stage stage) {
        return CheckResult.skipped(stage, "not checked: cancelled");
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
