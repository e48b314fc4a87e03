package io.walbridge.app.wizard;

import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.DiagnosticsReport;
import io.walbridge.core.setup.Stage;
import io.walbridge.core.setup.Status;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The texts of the network step that follow from facts alone: interfaces, and what a failed check means for access. */
final class NetworkFacts {

    /** From Aptible's Datastream guide; Google publishes the addresses per region only in its console. */
    static final String DATASTREAM = """
            Google Datastream connects from a few static public IP addresses that depend on the region the stream \
            runs in. WalBridge does not list them: the guides it follows do not give them, and Google may change them. \
            To see yours: Google Cloud console › Datastream › Connection profiles › Create profile › PostgreSQL, \
            choose the stream's region and the connectivity method "IP allowlisting"; the page shows the addresses. \
            Add each of them to the server's allowlist (pg_hba.conf, security group, authorized networks or \
            Aptible's Database Endpoint IP filter) and keep TLS on.""";

    private NetworkFacts() {
    }

    /** This machine's addresses, one line per interface that is up; loopback last, since servers rarely see it. */
    static List<String> interfaces() {
        List<String> up = new ArrayList<>();
        List<String> loopback = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                List<String> addresses = new ArrayList<>();
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String text = a.getHostAddress();
                    // a scope suffix (%eth0) is for this machine only; a server never sees it
                    addresses.add(a instanceof Inet6Address && text.contains("%") ? text.substring(0, text.indexOf('%')) : text);
                }
                if (!addresses.isEmpty()) {
                    String line = nic.getDisplayName() + ": " + String.join(", ", addresses);
                    (nic.isLoopback() ? loopback : up).add(nic.isLoopback() ? line + " (this machine only)" : line);
                }
            }
        } catch (SocketException e) {
            return List.of("the network interfaces cannot be listed: " + e.getMessage());
        }
        up.addAll(loopback);
        return up;
    }

    /** What to allow, when the connection test failed because of pg_hba.conf or a firewall; empty otherwise. */
    static String accessAdvice(DiagnosticsReport report) {
        if (report == null) {
            return "";
        }
        Optional<CheckResult> auth = failed(report, Stage.AUTHENTICATE);
        if (auth.isPresent() && auth.get().summary().contains("pg_hba.conf")) {
            return auth.get().summary() + "\n" + auth.get().fix();
        }
        Optional<CheckResult> tcp = failed(report, Stage.CONNECT);
        if (tcp.isPresent()) {
            return tcp.get().summary() + "\nA firewall, security group or allowlist between this machine and the server"
                    + " may drop the connection. Allow the address the server sees this machine as: behind NAT it is"
                    + " your network's public address, not one of the interface addresses listed here (your network"
                    + " administrator or the server's connection log can tell).\n" + tcp.get().fix();
        }
        return "";
    }

    /** A warning when the test saw the server offer no TLS at all. */
    static String tlsAdvice(DiagnosticsReport report) {
        if (report == null) {
            return "";
        }
        return report.result(Stage.TLS).filter(r -> r.status() != Status.PASSED && r.summary().contains("does not accept TLS"))
                .map(r -> r.summary() + "\n" + r.fix()).orElse("");
    }

    private static Optional<CheckResult> failed(DiagnosticsReport report, Stage stage) {
        return report.result(stage).filter(r -> r.status() == Status.FAILED);
    }
}
