package io.walbridge.core.setup;

import java.util.Locale;
import java.util.Set;

/**
 * The traces a managed service leaves in a server: its own roles, its own settings, Aurora's
 * {@code aurora_version()} function, and the host name the user connects to.
 */
public record ServerFacts(String host, Set<String> roles, Set<String> settings, boolean hasAuroraVersion) {

    public ServerFacts {
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        roles = Set.copyOf(roles);
        settings = Set.copyOf(settings);
    }

    /** The most likely provider; self-hosted when nothing points elsewhere. */
    public Provider guessProvider() {
        if (hasAuroraVersion) {
            return Provider.AMAZON_AURORA;
        }
        if (roles.contains("rds_superuser") || hasSettingPrefix("rds.") || host.endsWith(".rds.amazonaws.com")) {
            return Provider.AMAZON_RDS;
        }
        if (roles.contains("cloudsqlsuperuser") || hasSettingPrefix("cloudsql.")) {
            return Provider.GOOGLE_CLOUD_SQL;
        }
        if (roles.contains("azure_pg_admin") || hasSettingPrefix("azure.") || host.endsWith(".postgres.database.azure.com")) {
            return Provider.AZURE;
        }
        if (host.contains("aptible")) {
            return Provider.APTIBLE;
        }
        return Provider.SELF_HOSTED;
    }

    private boolean hasSettingPrefix(String prefix) {
        return settings.stream().anyMatch(s -> s.startsWith(prefix));
    }
}
