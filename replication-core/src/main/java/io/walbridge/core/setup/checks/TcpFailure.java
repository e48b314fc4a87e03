package io.walbridge.core.setup.checks;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Why a TCP connection failed, told apart because each points somewhere else: refused means the host
 * answered but nothing listens on the port; timed out means something dropped the packets (usually a
 * firewall); unreachable means this machine has no route to the address.
 */
public enum TcpFailure {
    REFUSED, TIMED_OUT, UNREACHABLE, LOCAL_ADDRESS, OTHER;

    public static TcpFailure of(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || msg.contains("timed out")) {
            return TIMED_OUT;
        }
        if (e instanceof NoRouteToHostException || msg.contains("unreachable") || msg.contains("no route")) {
            return UNREACHABLE;
        }
        if (e instanceof BindException || msg.contains("cannot assign requested address")) {
            return LOCAL_ADDRESS;
        }
        if (e instanceof ConnectException && msg.contains("refused")) {
            return REFUSED;
        }
        return OTHER;
    }
}
