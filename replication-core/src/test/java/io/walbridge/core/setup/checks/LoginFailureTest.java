package io.walbridge.core.setup.checks;

import io.walbridge.core.setup.CheckResult;
import io.walbridge.core.source.PgEndpoint;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Login failures the embedded server cannot easily produce, from the messages real servers send. */
class LoginFailureTest {

    private static final PgEndpoint ENDPOINT = PgEndpoint.parse("postgresql://app:s3cret@db.example.com/shop");

    private static PSQLException serverError(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0M" + message + "\0"));
    }

    @Test
    void missingPgHbaLineTellsWhichAddressToAllow() {
        CheckResult r = LoginFailure.explain(serverError("28000",
                "no pg_hba.conf entry for host \"203.0.113.7\", user \"app\", database \"shop\", no encryption"), ENDPOINT);

        assertThat(r.summary()).isEqualTo(
                "the server's pg_hba.conf has no line that allows connections from 203.0.113.7 (user 'app', database 'shop')");
        assertThat(r.fix()).contains("hostssl shop app 203.0.113.7/32 scram-sha-256").contains("allowed networks");
        assertThat(r.detail()).contains("not encrypted");
    }

    @Test
    void missingPasswordIsToldApartFromAWrongOne() {
        CheckResult r = LoginFailure.explain(new PSQLException(
                "The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED), ENDPOINT);

        assertThat(r.summary()).isEqualTo("the server asks for a password, but none was given");
        assertThat(r.fix()).contains("PGPASSWORD");
    }

    @Test
    void roleWithoutLoginGetsTheAlterRoleFix() {
        CheckResult r = LoginFailure.explain(serverError("28000", "role \"app\" is not permitted to log in"), ENDPOINT);

        assertThat(r.fix()).isEqualTo("ALTER ROLE \"app\" LOGIN;");
    }
}
