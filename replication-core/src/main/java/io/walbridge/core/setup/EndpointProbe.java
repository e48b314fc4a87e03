package io.walbridge.core.setup;

import io.walbridge.core.UserFacingException;
import io.walbridge.core.setup.checks.AuthenticationCheck;
import io.walbridge.core.setup.checks.DatabaseCheck;
import io.walbridge.core.setup.checks.ResolveHostCheck;
import io.walbridge.core.setup.checks.TcpConnectCheck;
import io.walbridge.core.setup.checks.TlsCheck;
import io.walbridge.core.source.PgEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens one connection to a server before a command starts its real work. When it fails, the connection stages
 * of {@code walbridge check} (DNS, TCP, TLS, login, database) run to find out why, so a wrong address, password,
 * pg_hba.conf line or certificate is reported in exactly the words — and with the fix — that the check gives,
 * instead of surfacing later as a failed pipeline or comparison.
 */
public final class EndpointProbe {

    private static final Diagnostics CONNECTION_STAGES = new Diagnostics(List.of(new ResolveHostCheck(),
            new TcpConnectCheck(), new TlsCheck(), new AuthenticationCheck(), new DatabaseCheck()),
            Clock.systemUTC(), ConnectionFactory.PGJDBC);

    private EndpointProbe() {
    }

    /**
     * Connects and disconnects; throws the explained failure.
     *
     * @param role "source" or "destination", put before the problem so two-server commands say which one; null
     *             for one-server commands
     */
    public static void reach(String role, PgEndpoint endpoint) {
        try (Connection ignored = ConnectionFactory.PGJDBC.open(endpoint)) {
            // reached: the command goes on
        } catch (SQLException e) {
            throw explain(role, e, endpoint);
        }
    }

    /** Why connecting to {@code endpoint} failed, as a cause and a fix; the password never appears. */
    public static UserFacingException explain(String role, SQLException e, PgEndpoint endpoint) {
        Optional<CheckResult> failed = diagnose(endpoint);
        String problem;
        String fix;
        if (failed.isPresent()) {
            problem = failed.get().summary();
            fix = failed.get().fix();
        } else {
            // the stages passed on a second try: what failed the first one was passing (a restart, say)
            ServerRefusal r = ServerRefusal.connecting(e, endpoint);
            problem = r.problem();
            fix = r.fix().isEmpty() ? "try again; walbridge check --source URL tests the connection stage by stage"
                    : r.fix();
        }
        String text = role == null ? problem : role + ": " + problem;
        return new UserFacingException(endpoint.password().scrub(text), endpoint.password().scrub(fix), e);
    }

    private static Optional<CheckResult> diagnose(PgEndpoint endpoint) {
        try {
            DiagnosticsReport report = CONNECTION_STAGES.run(CheckTarget.of(endpoint, null, List.of()),
                    DiagnosticsListener.NONE);
            return report.results().stream().filter(r -> r.status() == Status.FAILED).findFirst()
                    .map(r -> r.scrubbed(endpoint.password()));
        } catch (UserFacingException invalidSettings) {
            return Optional.of(CheckResult.failed(Stage.TLS, invalidSettings.problem(), "", invalidSettings.fix()));
        }
    }
}
