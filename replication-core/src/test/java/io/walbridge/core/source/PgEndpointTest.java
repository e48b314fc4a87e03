package io.walbridge.core.source;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgEndpointTest {

    @Test
    void parsesEveryPartOfALibpqUrl() {
        PgEndpoint e = PgEndpoint.parse("postgresql://rep%40user:p%40ss:w@db.example.com:6543/My%20DB"
                + "?sslmode=verify-full&sslrootcert=/tmp/ca.pem", Map.of());
        assertThat(e.host()).isEqualTo("db.example.com");
        assertThat(e.port()).isEqualTo(6543);
        assertThat(e.user()).isEqualTo("rep@user");
        assertThat(e.password().value()).isEqualTo("p@ss:w");
        assertThat(e.database()).isEqualTo("My DB");
        assertThat(e.sslMode()).isEqualTo("verify-full");
        assertThat(e.jdbcProperties().getProperty("sslrootcert")).isEqualTo("/tmp/ca.pem");
    }

    @Test
    void takesThePasswordFromPgpasswordWhenTheUrlHasNone() {
        PgEndpoint e = PgEndpoint.parse("postgresql://u@h/db", Map.of("PGPASSWORD", "from-env"));
        assertThat(e.password().value()).isEqualTo("from-env");
        assertThat(e.port()).isEqualTo(5432);
    }

    @Test
    void neverShowsThePassword() {
        PgEndpoint e = PgEndpoint.parse("postgresql://u:hunter2@h:5/db?sslpassword=hunter2", Map.of());
        assertThat(e.display()).doesNotContain("hunter2");
        assertThat(e.toString()).doesNotContain("hunter2");
        assertThat(e.password().toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsOtherSchemesWithTheFixAndWithoutThePassword() {
        assertThatThrownBy(() -> PgEndpoint.parse("mysql://u:hunter2@h/db", Map.of()))
                .isInstanceOf(InvalidEndpoint.class)
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PgEndpoint.parse("postgresql:///db", Map.of()))
                .hasMessageContaining("no host name");
    }

    @Test
    void bracketedIpv6HostsWork() {
        PgEndpoint e = PgEndpoint.parse("postgresql://u@[::1]:5433/db", Map.of());
        assertThat(e.host()).isEqualTo("::1");
        assertThat(e.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }
}
