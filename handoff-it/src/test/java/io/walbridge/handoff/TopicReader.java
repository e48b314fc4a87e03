package io.walbridge.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a topic from its start with a plain Kafka consumer and keeps every change event seen so far. */
final class TopicReader implements AutoCloseable {

    /** One Debezium change event: its key, its operation (r, c, u, d) and the row after (or before, for d). */
    record Event(JsonNode key, String op, JsonNode before, JsonNode after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> events = new ArrayList<>();

    TopicReader(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "walbridge-test-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    /** Reads until some event matches, or fails after the deadline with what was seen. */
    Event await(Predicate<Event> wanted, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            for (Event e : events) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                // a delete is followed by a tombstone (null value) so compaction can forget the key
                if (r.value() != null) {
                    JsonNode v = read(r.value());
                    events.add(new Event(read(r.key()), v.path("op").asText(), v.get("before"), v.get("after")));
                }
            }
        }
        throw new AssertionError("no matching event within " + deadline + "; seen: " + events);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
