package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.StoredEvent;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBrokerExtension.class)
class KafkaRelayTest {

    @TempDir
    Path dir;

    private static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private KafkaRelay.Builder relay(String name, SqliteEventStore store, TestBroker broker) {
        return KafkaRelay.builder(name, store, broker.bootstrapServers())
                .producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000));
    }

    @Test
    void relaysEveryEventWithItsEnvelopeToItsAggregateTypesTopic(TestBroker broker) {
        String prefix = unique() + ".";
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "OrderPlaced", 3);
            RelayTestEvents.append(store, "Invoice-9", "InvoiceSent", 2);
            try (KafkaRelay relay = relay(unique(), store, broker).topics(RelayTopics.perAggregateType(prefix))
                    .build()) {
                assertThat(relay.runUntilCaughtUp()).isEqualTo(5);
                assertThat(relay.position()).isEqualTo(store.readAll(0, 10).get(4).globalPosition());
            }
            List<ConsumerRecord<String, byte[]>> orders = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(prefix + "Order"), 3, Duration.ofSeconds(30), Duration.ZERO);
            List<ConsumerRecord<String, byte[]>> invoices = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(prefix + "Invoice"), 2, Duration.ofSeconds(30), Duration.ZERO);

            List<StoredEvent> stored = store.readStream("Order-1", 0, 10);
            assertThat(orders).hasSize(3);
            for (int i = 0; i < 3; i++) {
                ConsumerRecord<String, byte[]> record = orders.get(i);
                assertThat(record.key()).isEqualTo("Order-1");
                assertThat(record.value()).isEqualTo(stored.get(i).payload());
                assertThat(KafkaHeaders.read(record)).usingRecursiveComparison().isEqualTo(stored.get(i));
            }
            assertThat(invoices).extracting(ConsumerRecord::key).containsExactly("Invoice-9", "Invoice-9");
        }
    }

    @Test
    void aRestartedRelayGoesOnAfterWhatItCommittedWithoutRepeatingIt(TestBroker broker) {
        String topic = unique();
        String name = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "A-1", "Happened", 4);
            try (KafkaRelay relay = relay(name, store, broker).topics(RelayTopics.single(topic)).batchSize(3).build()) {
                assertThat(relay.runUntilCaughtUp()).isEqualTo(4);
            }
            RelayTestEvents.append(store, "A-1", "Happened", 2);
            try (KafkaRelay again = relay(name, store, broker).topics(RelayTopics.single(topic)).build()) {
                assertThat(again.runUntilCaughtUp()).isEqualTo(2);
            }
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(topic), 6, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).extracting(r -> KafkaHeaders.read(r).streamRevision())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void relaysOnlyTheSelectedEventsButMovesPastTheOthers(TestBroker broker) {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "OrderPlaced", 2);
            RelayTestEvents.append(store, "Order-1", "OrderNoted", 2);
            RelayTestEvents.append(store, "Cart-1", "OrderPlaced", 2);
            try (KafkaRelay relay = relay(unique(), store, broker).topics(RelayTopics.single(topic))
                    .aggregateTypes(Set.of("Order")).eventTypes(Set.of("OrderPlaced")).build()) {
                assertThat(relay.runUntilCaughtUp()).isEqualTo(6);
                assertThat(relay.position()).isEqualTo(store.readAll(0, 10).get(5).globalPosition());
            }
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(topic), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).extracting(r -> KafkaHeaders.read(r).type() + "@" + r.key())
                    .containsExactly("OrderPlaced@Order-1", "OrderPlaced@Order-1");
        }
    }

    @Test
    void aSecondRelayWithTheSameNameFencesTheFirst(TestBroker broker) {
        String topic = unique();
        String name = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "A-1", "Happened", 2);
            try (KafkaRelay first = relay(name, store, broker).topics(RelayTopics.single(topic)).build();
                 KafkaRelay second = relay(name, store, broker).topics(RelayTopics.single(topic)).build()) {
                assertThat(first.runUntilCaughtUp()).isEqualTo(2);
                assertThat(second.runUntilCaughtUp()).isZero(); // it read the first one's progress back
                RelayTestEvents.append(store, "A-1", "Happened", 1);
                assertThatThrownBy(first::relayOnce).isInstanceOf(RelayFencedException.class)
                        .hasMessageContaining("transactional.id 'factum-relay-" + name + "'");
                assertThat(second.relayOnce()).isEqualTo(1);
            }
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(topic), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).hasSize(3);
        }
    }

    @Test
    void anInvalidTopicChoiceStopsTheRelayBeforeTheEvent(TestBroker broker) {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "A-1", "Happened", 1);
            try (KafkaRelay relay = relay(unique(), store, broker).topics(RelayTopics.by(e -> "no spaces")).build()) {
                assertThatThrownBy(relay::relayOnce).isInstanceOf(InvalidRelayTopicException.class)
                        .hasMessageContaining("'no spaces'");
                assertThat(relay.position()).isZero();
            }
        }
    }

    @Test
    void whileKafkaIsUnreachableTheRunningRelayRetriesAndSkipsNothing(TestBroker broker) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "A-1", "Happened", 1);
            try (KafkaRelay relay = KafkaRelay.builder(unique(), store, "127.0.0.1:1")
                    .producerConfig(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500))
                    .maxBackoff(Duration.ofMillis(200)).build()) {
                relay.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (relay.lastError() == null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(relay.lastError()).isNotNull();
                assertThat(relay.status()).isEqualTo(KafkaRelay.Status.RUNNING);
                assertThat(relay.position()).isLessThanOrEqualTo(0);
                relay.stop();
                assertThat(relay.status()).isEqualTo(KafkaRelay.Status.STOPPED);
            }
        }
    }
}
