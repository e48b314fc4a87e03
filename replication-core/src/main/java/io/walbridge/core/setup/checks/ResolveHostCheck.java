package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.Check;
import io.walbridge.core.setup.CheckContext;
import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.setup.Stage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stage 1: the host name in the URL resolves to at least one address. */
public final class ResolveHostCheck implements Check {

    @Override
    public Stage stage() {
        return Stage.RESOLVE;
    }

    @Override
    public CheckResult run(CheckContext context) {
        String host = context.target().endpoint().host();
        List<InetAddress> found;
        try {
            found = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return CheckResult.failed(stage(), "the host name '" + host + "' does not resolve to any address",
                    "the DNS server has no record for it, or this machine cannot reach a DNS server",
                    "check the host name in the URL (copy the endpoint from your provider's console);"
                            + " a private host name resolves only inside its own network or VPN");
        }
        context.recordAddresses(found);
        String addresses = found.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        if (found.size() == 1 && found.get(0).getHostAddress().equalsIgnoreCase(host)) {
            return CheckResult.passed(stage(), host + " is an IP address; nothing to resolve");
        }
        return CheckResult.passed(stage(), host + " resolves to " + addresses);
    }
}
