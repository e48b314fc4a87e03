package io.walbridge.handoff;

import io.walbridge.core.change.TableId;
import io.walbridge.core.config.Secret;
import io.walbridge.core.handoff.PreparedSource;
import io.walbridge.core.handoff.debezium.ConnectorStatus;
import io.walbridge.core.handoff.debezium.DebeziumConnectorConfig;
import io.walbridge.core.handoff.debezium.DebeziumSettings;
import io.walbridge.core.handoff.debezium.KafkaConnectClient;
import io.walbridge.core.handoff.debezium.SnapshotMode;
import io.walbridge.core.monitor.Alert;
import io.walbridge.core.monitor.AlertKind;
import io.walbridge.core.monitor.AlertThresholds;
import io.walbridge.core.monitor.Alerts;
import io.walbridge.core.monitor.ConsumerEngine;
import io.walbridge.core.monitor.InactivityTracker;
import io.walbridge.core.monitor.SlotMonitor;
import io.walbridge.core.monitor.SlotStatus;
import io.walbridge.core.setup.ReplicationPlan;
import io.walbridge.core.setup.ReplicationPlanExecutor;
import io.walbridge.core.setup.ReplicationPlanner;
import io.walbridge.core.setup.PlanListener;
import io.walbridge.core.setup.SetupRequest;
import io.walbridge.core.setup.TestPki;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.walbridge.core.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole hand-off on real parts: WalBridge prepares a TLS, password-only PostgreSQL source (publication, slot,
 * dedicated login), generates the Debezium configuration, creates the connector on a real Kafka Connect worker
 * through the REST API, and the changes made on PostgreSQL arrive in the Kafka topic. Then the configuration as
 * WalBridge saves it (password through FileConfigProvider) replaces it, and the monitor sees Debezium on the slot.
 */
class DebeziumOnKafkaConnectTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    // the test's superuser stays trusted (the embedded server needs it); every other login gives a password
    private static final String HBA = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            host replication all 127.0.0.1/32 scram-sha-256
            host replication all ::1/128 scram-sha-256
            """;

    private static PgServer pg;
    private static KafkaWithConnect kafka;
    private static TestPki pki;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.get();
        Path hba = Files.createTempFile("walbridge-handoff-hba", ".conf");
        Files.writeString(hba, HBA);
        pg = PgServer.start(b -> b.setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", pki.localhostCert.toString())
                .setServerConfig("ssl_key_file", pki.serverKey.toString())
                .setServerConfig("hba_file", hba.toString()));
        kafka = KafkaWithConnect.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void changesOnThePreparedSourceArriveInKafkaThroughDebezium() throws Exception {
        String db = pg.freshDatabase();
        pg.exec(db, "CREATE TABLE orders (id int PRIMARY KEY, total numeric(10,2), note text)",
                "CREATE TABLE audit (at timestamptz, what text)",
                "INSERT INTO orders VALUES (1, 10.50, 'first'), (2, 20.00, 'second')");
        Secret password = prepare(db, "orders_pub", "orders_slot", "orders_reader");
        PreparedSource source = new PreparedSource("localhost", pg.port(), db, "orders_reader", password,
                "verify-full", pki.caPem, "orders_pub", "orders_slot", List.of(new TableId("public", "orders")));
        Path secrets = Files.createTempFile("connect-secrets", ".properties");
        DebeziumSettings settings = new DebeziumSettings(kafka.connectUrl(), "orders-connector", "shop",
                SnapshotMode.INITIAL, 1_000, pki.caPem.toString(), secrets.toString());
        DebeziumConnectorConfig config = new DebeziumConnectorConfig(source, settings);
        KafkaConnectClient connect = new KafkaConnectClient(kafka.connectUrl());

        assertThat(connect.createOrUpdate("orders-connector", config.forConnect()))
                .isEqualTo(KafkaConnectClient.Outcome.CREATED);
        ConnectorStatus running = awaitStatus(connect, ConnectorStatus::running);
        assertThat(running.tasks()).hasSize(1);

        try (TopicReader topic = new TopicReader(kafka.bootstrapServers(), "shop.public.orders")) {
            // the initial snapshot: existing rows as reads
            topic.await(e -> e.op().equals("r") && e.key().path("id").asInt() == 2, DEADLINE);
            pg.exec(db, "INSERT INTO orders VALUES (3, 30.25, 'third')",
                    "UPDATE orders SET total = 11.00 WHERE id = 1",
                    "DELETE FROM orders WHERE id = 2");
            TopicReader.Event insert = topic.await(e -> e.op().equals("c"), DEADLINE);
            assertThat(insert.key().path("id").asInt()).isEqualTo(3);
            assertThat(insert.after().path("note").asText()).isEqualTo("third");
            TopicReader.Event update = topic.await(e -> e.op().equals("u"), DEADLINE);
            assertThat(update.key().path("id").asInt()).isEqualTo(1);
            assertThat(update.after().path("note").asText()).isEqualTo("first");
            TopicReader.Event delete = topic.await(e -> e.op().equals("d"), DEADLINE);
            assertThat(delete.key().path("id").asInt()).isEqualTo(2);
            assertThat(delete.before().path("id").asInt()).isEqualTo(2);

            // the form WalBridge saves: the password comes from the secrets file on the worker
            Files.writeString(secrets, DebeziumConnectorConfig.PASSWORD_KEY + "=" + password.value() + "\n");
            assertThat(connect.createOrUpdate("orders-connector", config.forSaving()))
                    .isEqualTo(KafkaConnectClient.Outcome.UPDATED);
            awaitStatus(connect, ConnectorStatus::running);
            pg.exec(db, "INSERT INTO orders VALUES (4, 40.00, 'after update')");
            TopicReader.Event later = topic.await(e -> e.op().equals("c") && e.key().path("id").asInt() == 4, DEADLINE);
            assertThat(later.after().path("note").asText()).isEqualTo("after update");
        }

        // the monitor names the engine on the slot and applies the same alerts to it
        PgEndpoint monitorLogin = pg.endpoint(db);
        try (SlotMonitor monitor = new SlotMonitor(monitorLogin, Clock.systemUTC(), InactivityTracker.inMemory())) {
            SlotStatus slot = awaitSlot(monitor, "orders_slot", s -> s.active() && s.engine() == ConsumerEngine.DEBEZIUM);
            assertThat(slot.applicationName()).startsWith("Debezium");
            List<Alert> alerts = new Alerts(AlertThresholds.DEFAULTS.withMaxRetainedBytes(0)).evaluate(monitor.poll());
            assertThat(alerts).filteredOn(a -> a.slot().equals("orders_slot"))
                    .extracting(Alert::kind).contains(AlertKind.WAL_RETAINED);
            assertThat(alerts).filteredOn(a -> a.slot().equals("orders_slot")).first()
                    .satisfies(a -> assertThat(a.message()).contains("(Debezium)"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedByConnectWithTheServersReasonAndWithoutThePassword() throws Exception {
        String db = pg.freshDatabase();
        pg.exec(db, "CREATE TABLE orders (id int PRIMARY KEY)");
        prepare(db, "wrong_pub", "wrong_slot", "wrong_reader");
        Secret wrong = new Secret("Not-The-Password-42");
        PreparedSource source = new PreparedSource("localhost", pg.port(), db, "wrong_reader", wrong, "verify-full",
                pki.caPem, "wrong_pub", "wrong_slot", List.of(new TableId("public", "orders")));
        DebeziumConnectorConfig config = new DebeziumConnectorConfig(source,
                DebeziumSettings.defaults("wrong_slot", pki.caPem.toString()).withConnectUrl(kafka.connectUrl()));
        KafkaConnectClient connect = new KafkaConnectClient(kafka.connectUrl());

        assertThatThrownBy(() -> connect.createOrUpdate(config.connectorName(), config.forConnect()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining(wrong.value());
        assertThatThrownBy(() -> connect.status(config.connectorName()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("no connector named");
    }

    /** WalBridge's own setup, as the wizard runs it: publication, slot and a dedicated login. */
    private static Secret prepare(String db, String publication, String slot, String role) throws Exception {
        SetupRequest request = SetupRequest.of(publication, slot, "public.orders").withDedicatedUser(role);
        try (Connection c = pg.connect(db)) {
            ReplicationPlan plan = new ReplicationPlanner().plan(c, request);
            new ReplicationPlanExecutor(PlanListener.IGNORE).execute(c, plan);
            return plan.login().orElseThrow().password();
        }
    }

    private static ConnectorStatus awaitStatus(KafkaConnectClient connect, java.util.function.Predicate<ConnectorStatus> ok)
            throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        ConnectorStatus last = null;
        while (Instant.now().isBefore(end)) {
            try {
                last = connect.status("orders-connector");
                if (ok.test(last)) {
                    return last;
                }
                assertThat(last.failed()).as(last::describe).isFalse();
            } catch (UserFacingException e) {
                // just created: the status may not be written yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("connector not running in time: " + (last == null ? "no status" : last.describe()));
    }

    private static SlotStatus awaitSlot(SlotMonitor monitor, String name, java.util.function.Predicate<SlotStatus> ok)
            throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        Supplier<SlotStatus> read = () -> monitor.poll().slots().stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
        SlotStatus last = read.get();
        while (!ok.test(last) && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            last = read.get();
        }
        assertThat(ok.test(last)).as("slot %s: %s", name, last).isTrue();
        return last;
    }
}
