package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.RetryPolicy;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.ExpectedRevision;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.FailureAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBrokerExtension.class)
class KafkaSubscriptionTest {

    @TempDir
    Path dir;

    static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void relay(SqliteEventStore store, TestBroker broker, String topic) {
        try (KafkaRelay relay = KafkaRelay.builder(unique(), store, broker.bootstrapServers())
                .topics(RelayTopics.single(topic))
                .producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000)).build()) {
            relay.runUntilCaughtUp();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void deliversUpcastEnvelopesInStreamOrderToAHandler(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "Happened", 5);
            RelayTestEvents.append(store, "Order-2", "Happened", 5);
            relay(store, broker, topic);
        }
        List<EventEnvelope<Object>> seen = new CopyOnWriteArrayList<>();
        try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic)).handler(seen::add).build()) {
            subscription.start();
            await(() -> seen.size() >= 10, "10 events were handled");
        }
        assertThat(seen).hasSize(10);
        assertThat(seen).filteredOn(e -> e.streamId().equals("Order-1")).extracting(EventEnvelope::payload)
                .containsExactly(new TestEventTypes.Happened(0, "upcast"), new TestEventTypes.Happened(1, "upcast"),
                        new TestEventTypes.Happened(2, "upcast"), new TestEventTypes.Happened(3, "upcast"),
                        new TestEventTypes.Happened(4, "upcast"));
        assertThat(seen.get(0).schemaVersion()).isEqualTo(1);
    }

    @Test
    void handlersRegisteredOnABusGetTheEventsThroughBusPublish(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "Happened", 3);
            relay(store, broker, topic);
        }
        SynchronousEventBus bus = new SynchronousEventBus();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        bus.subscribe("counter", TestEventTypes.Happened.class, envelope -> seen.add(envelope.payload().n()));
        try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic)).handler(bus::publish).build()) {
            subscription.start();
            await(() -> seen.size() >= 3, "3 events reached the bus subscriber");
        }
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void anUnknownTypeIsParkedUnderParkAndStopsUnderStop(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "Happened", 1);
            store.append("Order-1", ExpectedRevision.any(), List.of(RelayTestEvents.event("FromTheFuture", "{}")));
            store.append("Order-1", ExpectedRevision.any(), List.of(RelayTestEvents.event("Happened", "{}"))); // no n
            RelayTestEvents.append(store, "Order-1", "Happened", 1);
            relay(store, broker, topic);
        }
        List<EventEnvelope<Object>> seen = new CopyOnWriteArrayList<>();
        try (KafkaSubscription parking = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic)).handler(seen::add)
                .onUndecodable(FailureAction.PARK).build()) {
            parking.start();
            await(() -> seen.size() >= 2, "both known events were handled");
            assertThat(parking.parkedEvents()).extracting(p -> p.type() + "@" + p.streamRevision())
                    .containsExactly("FromTheFuture@1", "Happened@2");
            assertThat(parking.parkedEvents().get(1).error()).contains("required property n is missing");
        }

        List<EventEnvelope<Object>> beforeStop = new CopyOnWriteArrayList<>();
        try (KafkaSubscription stopping = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic)).handler(beforeStop::add).build()) {
            stopping.start();
            await(() -> stopping.status() == KafkaSubscription.Status.FAILED, "the subscription failed");
            assertThat(stopping.failure()).isInstanceOf(KafkaSubscriptionFailedException.class)
                    .hasMessageContaining("the event cannot be decoded")
                    .hasMessageContaining("FromTheFuture");
            assertThat(beforeStop).hasSize(1);
        }
    }

    @Test
    void aRecordThatIsNotAFactumEventStopsTheSubscriptionNamingIt(TestBroker broker) throws Exception {
        String topic = unique();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "Order-1", "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
        List<EventEnvelope<Object>> seen = new CopyOnWriteArrayList<>();
        try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic)).handler(seen::add)
                .onUndecodable(FailureAction.PARK).build()) {
            subscription.start();
            await(() -> subscription.status() == KafkaSubscription.Status.FAILED, "the subscription failed");
            assertThat(subscription.failure()).isInstanceOf(MalformedRecordException.class)
                    .hasMessage("Record " + topic + "-0@0 has no header factum.event-id (was it produced by a Factum "
                            + "relay?)");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aHandlerThatKeepsFailingHasItsEventParkedAfterItsAttempts(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "Happened", 3);
            relay(store, broker, topic);
        }
        List<Integer> handled = new CopyOnWriteArrayList<>();
        List<Integer> attemptsAtOne = new CopyOnWriteArrayList<>();
        try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                TestEventTypes.registry()).topics(List.of(topic))
                .handler(event -> {
                    int n = ((TestEventTypes.Happened) event.payload()).n();
                    if (n == 1) {
                        attemptsAtOne.add(n);
                        throw new IllegalStateException("cannot handle 1");
                    }
                    handled.add(n);
                })
                .retry(RetryPolicy.immediate(3)).onHandlerFailure(FailureAction.PARK).build()) {
            subscription.start();
            await(() -> handled.size() >= 2, "events 0 and 2 were handled");
            assertThat(handled).containsExactly(0, 2);
            assertThat(attemptsAtOne).hasSize(3);
            assertThat(subscription.parkedEvents()).singleElement()
                    .satisfies(p -> assertThat(p.error()).contains("cannot handle 1"));
        }
    }
}
