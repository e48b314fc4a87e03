package io.walbridge.app.demo;

/** The two demo servers: the shop's database, and the copy WalBridge replicates it into. */
public enum DemoRole {
    SOURCE("source", "shop"),
    DESTINATION("destination", "shop_copy");

    private final String folderName;
    private final String database;

    DemoRole(String folderName, String database) {
        this.folderName = folderName;
        this.database = database;
    }

    public String folderName() {
        return folderName;
    }

    /** The database the demo uses on this server. */
    public String database() {
        return database;
    }
}
