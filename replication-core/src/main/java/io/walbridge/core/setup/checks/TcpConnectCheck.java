package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Stage 2: one of the host's addresses accepts a TCP connection on the port, tried in order as pgjdbc does. */
public final class TcpConnectCheck implements Check {

    @Override
    public Stage stage() {
        return Stage.CONNECT;
    }

    @Override
    public CheckResult run(CheckContext context) {
        int port = context.target().endpoint().port();
        List<String> tried = new ArrayList<>();
        TcpFailure first = null;
        String firstAddress = null;
        for (InetAddress address : context.addresses()) {
            try (Socket ignored = context.openSocket(address)) {
                context.recordReachable(address);
                return CheckResult.passed(stage(), address.getHostAddress() + " accepts connections on port " + port);
            } catch (IOException e) {
                TcpFailure failure = TcpFailure.of(e);
                String why = failure == TcpFailure.OTHER ? words(failure, context) + " (" + e.getMessage() + ")"
                        : words(failure, context);
                tried.add(address.getHostAddress() + ": " + why);
                if (first == null) {
                    first = failure;
                    firstAddress = address.getHostAddress();
                }
            }
        }
        if (first == null) {
            return CheckResult.failed(stage(), "no address to connect to", "", "check the host name in the URL");
        }
        // with one address the summary already says it all; with several, show how each one failed
        return failure(first, firstAddress, port, context, tried.size() > 1 ? String.join("\n", tried) : "");
    }

    private CheckResult failure(TcpFailure failure, String address, int port, CheckContext context, String tried) {
        String at = address + " port " + port;
        return switch (failure) {
            case REFUSED -> CheckResult.failed(stage(), "connection refused at " + at + ": nothing listens on that port",
                    tried, "check the port in the URL (PostgreSQL's default is 5432) and that PostgreSQL is running;"
                            + " on the server, listen_addresses must include this interface (listen_addresses = '*')");
            case TIMED_OUT -> CheckResult.failed(stage(), "no answer from " + at + " within "
                    + context.connectTimeout().toSeconds() + " s: something drops the connection", tried,
                    "a firewall or cloud network rule is probably in the way: allow inbound TCP " + port
                            + " from this machine (RDS: the security group; Cloud SQL: authorized networks;"
                            + " Azure: networking firewall rules) and check the server is publicly accessible");
            case UNREACHABLE -> CheckResult.failed(stage(), "this machine has no network route to " + address, tried,
                    "check the network or VPN connection; a private address (10.x, 172.16-31.x, 192.168.x) is"
                            + " reachable only from inside its network");
            case LOCAL_ADDRESS -> CheckResult.failed(stage(), "cannot connect from the local address given in"
                            + " localSocketAddress", tried,
                    "use an address of this machine in localSocketAddress, or leave the parameter out");
            case OTHER -> CheckResult.failed(stage(), "cannot connect to " + at, tried,
                    "check the host and port in the URL and this machine's network connection");
        };
    }

    private static String words(TcpFailure failure, CheckContext context) {
        return switch (failure) {
            case REFUSED -> "refused";
            case TIMED_OUT -> "timed out after " + context.connectTimeout().toSeconds() + " s";
            case UNREACHABLE -> "unreachable";
            case LOCAL_ADDRESS -> "local address not usable";
            case OTHER -> "failed";
        };
    }
}
