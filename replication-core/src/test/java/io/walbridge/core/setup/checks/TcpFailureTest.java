package io.walbridge.core.setup.checks;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The exceptions the JDK throws for each kind of TCP failure (timeouts cannot be made on loopback). */
class TcpFailureTest {

    @Test
    void eachKindOfFailureIsToldApart() {
        assertThat(TcpFailure.of(new ConnectException("Connection refused"))).isEqualTo(TcpFailure.REFUSED);
        assertThat(TcpFailure.of(new SocketTimeoutException("Connect timed out"))).isEqualTo(TcpFailure.TIMED_OUT);
        assertThat(TcpFailure.of(new NoRouteToHostException("No route to host"))).isEqualTo(TcpFailure.UNREACHABLE);
        assertThat(TcpFailure.of(new ConnectException("Network is unreachable"))).isEqualTo(TcpFailure.UNREACHABLE);
        assertThat(TcpFailure.of(new ConnectException("Host is unreachable"))).isEqualTo(TcpFailure.UNREACHABLE);
    }
}
