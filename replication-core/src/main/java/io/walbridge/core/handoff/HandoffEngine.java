package io.walbridge.core.handoff;

import io.walbridge.core.monitor.ConsumerEngine;

/** Which engine reads a prepared source: WalBridge in this process, or a distributed engine it was handed to. */
public enum HandoffEngine {
    IN_APP("walbridge", "In this app", ConsumerEngine.WALBRIDGE),
    DEBEZIUM("debezium", "Debezium on Kafka Connect", ConsumerEngine.DEBEZIUM),
    DATASTREAM("datastream", "Google Datastream", ConsumerEngine.DATASTREAM);

    private final String key;
    private final String title;
    private final ConsumerEngine consumer;

    HandoffEngine(String key, String title, ConsumerEngine consumer) {
        this.key = key;
        this.title = title;
        this.consumer = consumer;
    }

    /** The word saved in pipeline files. */
    public String key() {
        return key;
    }

    /** How the monitor names the engine on the slot it reads. */
    public ConsumerEngine consumer() {
        return consumer;
    }

    /** The engine saved under this key; a missing key is a pipeline from before hand-offs existed: in this app. */
    public static HandoffEngine of(String key) {
        for (HandoffEngine e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        return IN_APP;
    }

    @Override
    public String toString() {
        return title;
    }
}
