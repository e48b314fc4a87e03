package io.walbridge.app.monitor;

/** A pipeline's state colour in the list: what a glance across ten pipelines must tell. */
public enum Health {
    /** Starting, copying or streaming, no alert. */
    OK("health-ok"),
    /** Paused by the user. */
    PAUSED("health-paused"),
    /** A warning alert is active (e.g. lag or retained WAL over the threshold). */
    WARNING("health-warning"),
    /** Failed, or a critical alert (slot about to be lost, or lost). */
    CRITICAL("health-critical"),
    /** Stopped by the user. */
    STOPPED("health-stopped");

    private final String styleClass;

    Health(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS class that colours it (walbridge.css). */
    public String styleClass() {
        return styleClass;
    }
}
