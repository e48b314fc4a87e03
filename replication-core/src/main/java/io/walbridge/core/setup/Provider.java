package io.walbridge.core.setup;

/** Who runs the server; it decides how a setting is changed (SQL, a parameter group, a flag, a portal). */
public enum Provider {
    SELF_HOSTED("self-hosted"),
    AMAZON_RDS("Amazon RDS"),
    AMAZON_AURORA("Amazon Aurora"),
    GOOGLE_CLOUD_SQL("Google Cloud SQL"),
    AZURE("Azure Database for PostgreSQL"),
    APTIBLE("Aptible");

    private final String displayName;

    Provider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
