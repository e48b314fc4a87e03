package io.walbridge.core.setup;

import io.walbridge.core.sql.Sql;

/** How each provider changes the settings and grants logical replication needs, as steps a user can follow. */
public final class ProviderHints {

    private ProviderHints() {
    }

    /** How to turn on {@code wal_level = logical}; every provider needs a restart for it. */
    public static String walLevelFix(Provider provider) {
        return switch (provider) {
            case AMAZON_RDS -> "in the instance's DB parameter group set rds.logical_replication = 1, then reboot the instance"
                    + " (a custom parameter group is needed: the default one cannot be edited)";
            case AMAZON_AURORA -> "in the DB cluster parameter group set rds.logical_replication = 1, then reboot the writer instance";
            case GOOGLE_CLOUD_SQL -> "set the database flag cloudsql.logical_decoding=on (console: Edit > Flags, or"
                    + " gcloud sql instances patch INSTANCE --database-flags=cloudsql.logical_decoding=on); the instance restarts";
            case AZURE -> "Flexible Server: set the server parameter wal_level to LOGICAL (portal: Server parameters, or"
                    + " az postgres flexible-server parameter set --name wal_level --value logical), then restart the server";
            case APTIBLE -> "Aptible manages the server's configuration: ask Aptible support to set wal_level = logical"
                    + " for this database, then restart it";
            case SELF_HOSTED -> "run ALTER SYSTEM SET wal_level = logical; as a superuser, then restart PostgreSQL"
                    + " (for example: sudo systemctl restart postgresql)";
        };
    }

    /** The statement that lets a user replicate, to be run as the admin user the provider gives out. */
    public static String replicationGrant(Provider provider, String user) {
        String role = Sql.ident(user);
        return switch (provider) {
            case AMAZON_RDS, AMAZON_AURORA -> "GRANT rds_replication TO " + role + ";  -- as the master user";
            case GOOGLE_CLOUD_SQL -> "ALTER USER " + role + " WITH REPLICATION;  -- as a cloudsqlsuperuser member such as postgres";
            case AZURE -> "ALTER ROLE " + role + " WITH REPLICATION;  -- as the server admin (member of azure_pg_admin)";
            case APTIBLE, SELF_HOSTED -> "ALTER ROLE " + role + " WITH REPLICATION;  -- as a superuser";
        };
    }

    /** How to raise a restart-only setting such as {@code max_replication_slots}. */
    public static String raiseSetting(Provider provider, String setting, int value) {
        return switch (provider) {
            case AMAZON_RDS, AMAZON_AURORA -> "raise " + setting + " to " + value + " in the DB parameter group, then reboot the instance";
            case GOOGLE_CLOUD_SQL -> "set the database flag " + setting + "=" + value + " (the instance restarts)";
            case AZURE -> "set the server parameter " + setting + " to " + value + ", then restart the server";
            case APTIBLE -> "ask Aptible support to set " + setting + " = " + value + " for this database";
            case SELF_HOSTED -> "run ALTER SYSTEM SET " + setting + " = " + value + "; as a superuser, then restart PostgreSQL";
        };
    }
}
