package io.walbridge.handoff;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

import java.util.HashMap;
import java.util.Map;

/**
 * A real Kafka cluster (one KRaft node acting as broker and controller) and one Kafka Connect worker in
 * distributed mode, both in this JVM, from Maven Central's Kafka artifacts. The Debezium PostgreSQL connector is
 * on the class path, where the worker finds it as it finds any plugin. The worker reads {@code ${file:…}}
 * references through Kafka's FileConfigProvider, as the configurations WalBridge saves expect.
 */
final class KafkaWithConnect implements AutoCloseable {

    private final KafkaClusterTestKit kafka;
    private final Connect<DistributedHerder> connect;

    private KafkaWithConnect(KafkaClusterTestKit kafka, Connect<DistributedHerder> connect) {
        this.kafka = kafka;
        this.connect = connect;
    }

    static KafkaWithConnect start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try {
            Map<String, String> worker = new HashMap<>();
            worker.put("bootstrap.servers", kafka.bootstrapServers());
            worker.put("group.id", "walbridge-handoff-test");
            worker.put("listeners", "http://127.0.0.1:0");
            worker.put("config.storage.topic", "connect-configs");
            worker.put("offset.storage.topic", "connect-offsets");
            worker.put("status.storage.topic", "connect-status");
            worker.put("config.storage.replication.factor", "1");
            worker.put("offset.storage.replication.factor", "1");
            worker.put("status.storage.replication.factor", "1");
            worker.put("offset.flush.interval.ms", "1000");
            worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            worker.put("key.converter.schemas.enable", "false");
            worker.put("value.converter.schemas.enable", "false");
            worker.put("config.providers", "file");
            worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
            worker.put("plugin.discovery", "only_scan");
            Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(worker);
            return new KafkaWithConnect(kafka, connect);
        } catch (RuntimeException | Error e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The worker's REST URL, as a DBA would type it into the wizard. */
    String connectUrl() {
        String url = connect.rest().serverUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() throws Exception {
        try {
            connect.stop();
        } finally {
            kafka.close();
        }
    }
}
