package io.walbridge.core.setup;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing the provider from a server's traces, and the fixes each provider gets. */
class ProviderTest {

    private static Provider guess(String host, Set<String> roles, Set<String> settings, boolean aurora) {
        return new ServerFacts(host, roles, settings, aurora).guessProvider();
    }

    @Test
    void eachProviderIsRecognisedByItsRolesSettingsOrHostName() {
        assertThat(guess("db.internal", Set.of("rds_superuser"), Set.of(), false)).isEqualTo(Provider.AMAZON_RDS);
        assertThat(guess("db.internal", Set.of(), Set.of("rds.extensions"), false)).isEqualTo(Provider.AMAZON_RDS);
        assertThat(guess("db.internal", Set.of("rds_superuser"), Set.of(), true)).isEqualTo(Provider.AMAZON_AURORA);
        assertThat(guess("10.0.0.3", Set.of("cloudsqlsuperuser"), Set.of(), false)).isEqualTo(Provider.GOOGLE_CLOUD_SQL);
        assertThat(guess("10.0.0.3", Set.of(), Set.of("cloudsql.logical_decoding"), false))
                .isEqualTo(Provider.GOOGLE_CLOUD_SQL);
        assertThat(guess("x.postgres.database.azure.com", Set.of(), Set.of(), false)).isEqualTo(Provider.AZURE);
        assertThat(guess("db", Set.of("azure_pg_admin"), Set.of(), false)).isEqualTo(Provider.AZURE);
        assertThat(guess("db-shared-123.aptible.in", Set.of(), Set.of(), false)).isEqualTo(Provider.APTIBLE);
        assertThat(guess("localhost", Set.of(), Set.of("wal_level"), false)).isEqualTo(Provider.SELF_HOSTED);
    }

    @Test
    void walLevelFixNamesTheProvidersOwnKnob() {
        assertThat(ProviderHints.walLevelFix(Provider.SELF_HOSTED)).contains("ALTER SYSTEM SET wal_level = logical;");
        assertThat(ProviderHints.walLevelFix(Provider.AMAZON_RDS)).contains("rds.logical_replication = 1").contains("reboot");
        assertThat(ProviderHints.walLevelFix(Provider.GOOGLE_CLOUD_SQL)).contains("cloudsql.logical_decoding=on");
        assertThat(ProviderHints.walLevelFix(Provider.AZURE)).contains("wal_level").contains("LOGICAL").contains("restart");
    }

    @Test
    void replicationGrantQuotesTheUserName() {
        assertThat(ProviderHints.replicationGrant(Provider.AMAZON_RDS, "App User"))
                .startsWith("GRANT rds_replication TO \"App User\";");
        assertThat(ProviderHints.replicationGrant(Provider.GOOGLE_CLOUD_SQL, "app"))
                .startsWith("ALTER USER \"app\" WITH REPLICATION;");
    }
}
