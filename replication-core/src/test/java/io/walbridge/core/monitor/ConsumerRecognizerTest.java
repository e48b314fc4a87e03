package io.walbridge.core.monitor;

import org.junit.jupiter.api.Test;

import io.walbridge.core.config.SavedEndpoint;
import io.walbridge.core.config.SavedPipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which program reads a slot, from the names each tool uses by default (see /work/shared/seeds). */
class ConsumerRecognizerTest {

    private final ConsumerRecognizer r = new ConsumerRecognizer(Set.of("orders_cdc"));

    @Test
    void recognisesEachEngineByApplicationNameOrSlotName() {
        assertThat(r.recognize("anything", "logical", "pgoutput", "walbridge")).isEqualTo(ConsumerEngine.WALBRIDGE);
        assertThat(r.recognize("walbridge_slot", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.WALBRIDGE);
        assertThat(r.recognize("orders_cdc", "logical", "pgoutput", null)).as("a slot our pipelines read")
                .isEqualTo(ConsumerEngine.WALBRIDGE);
        assertThat(r.recognize("inventory", "logical", "pgoutput", "Debezium Streaming")).isEqualTo(ConsumerEngine.DEBEZIUM);
        assertThat(r.recognize("debezium", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.DEBEZIUM);
        assertThat(r.recognize("datastream_slot", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.DATASTREAM);
        assertThat(r.recognize("pgstream_tutorial_slot", "logical", "wal2json", null)).isEqualTo(ConsumerEngine.PGSTREAM);
    }

    @Test
    void aConnectedConsumerNamingItselfBeatsTheSlotsName() {
        // the wizard's default slot name, handed to Debezium: Debezium reads it, so Debezium it is
        assertThat(r.recognize("walbridge_slot", "logical", "pgoutput", "Debezium Streaming"))
                .isEqualTo(ConsumerEngine.DEBEZIUM);
        assertThat(r.recognize("orders_cdc", "logical", "pgoutput", "Debezium Streaming")).as("even one of ours")
                .isEqualTo(ConsumerEngine.DEBEZIUM);
        assertThat(r.recognize("debezium", "logical", "pgoutput", "walbridge")).isEqualTo(ConsumerEngine.WALBRIDGE);
    }

    @Test
    void slotsHandedOffBySavedPipelinesAreNamedAfterTheirEngineWhileIdle() {
        SavedEndpoint db = new SavedEndpoint("DB.example.com", 5432, "shop", "reader", "verify-full", null);
        SavedEndpoint other = new SavedEndpoint("other.example.com", 5432, "shop", "reader", "verify-full", null);
        List<SavedPipeline> saved = List.of(
                new SavedPipeline("a", db, "p", "walbridge_slot", List.of(), "postgresql", null, null, "datastream", null, null),
                new SavedPipeline("b", db, "p", "orders_cdc", List.of(), "postgresql", null, null, "debezium", null, null),
                new SavedPipeline("c", db, "p", "mine", List.of(), "postgresql", null),
                new SavedPipeline("d", other, "p", "elsewhere", List.of(), "postgresql", null, null, "debezium", null, null));
        ConsumerRecognizer known = KnownSlots.recognizer(saved, "db.example.com", 5432);

        assertThat(known.recognize("walbridge_slot", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.DATASTREAM);
        assertThat(known.recognize("orders_cdc", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.DEBEZIUM);
        assertThat(known.recognize("mine", "logical", "pgoutput", null)).isEqualTo(ConsumerEngine.WALBRIDGE);
        assertThat(known.recognize("elsewhere", "logical", "pgoutput", null)).as("another server's pipeline")
                .isEqualTo(ConsumerEngine.UNKNOWN);
        assertThat(new ConsumerRecognizer(Set.of(), Map.of("x", ConsumerEngine.DATASTREAM))
                .recognize("x", "logical", "pgoutput", "psql")).isEqualTo(ConsumerEngine.DATASTREAM);
    }

    @Test
    void recognisesPostgresSubscribersAndStandbys() {
        assertThat(r.recognize("sales_sub", "logical", "pgoutput", "sales_sub")).as("apply worker")
                .isEqualTo(ConsumerEngine.SUBSCRIBER);
        assertThat(r.recognize("pg_16394_sync_16385_7301234567890123456", "logical", "pgoutput", null))
                .as("table copy of a subscription").isEqualTo(ConsumerEngine.SUBSCRIBER);
        assertThat(r.recognize("custom", "logical", "pgoutput", "walreceiver")).isEqualTo(ConsumerEngine.SUBSCRIBER);
        assertThat(r.recognize("standby1", "physical", null, "walreceiver")).isEqualTo(ConsumerEngine.STANDBY);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(r.recognize("pipelinewise_shop", "logical", "wal2json", null)).isEqualTo(ConsumerEngine.UNKNOWN);
        assertThat(r.recognize("streamkap_pgoutput_slot", "logical", "pgoutput", "psql")).isEqualTo(ConsumerEngine.UNKNOWN);
        assertThat(r.recognize("sales_sub", "logical", "pgoutput", null)).as("inactive subscriber: cannot tell")
                .isEqualTo(ConsumerEngine.UNKNOWN);
    }
}
