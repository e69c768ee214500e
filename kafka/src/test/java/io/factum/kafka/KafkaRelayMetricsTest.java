package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.micrometer.FactumMeters;
import io.factum.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The relay's lag and position gauges, and which of two running instances (on separate connections) is active. */
@ExtendWith(TestBrokerExtension.class)
class KafkaRelayMetricsTest {

    @TempDir
    Path dir;

    private static KafkaRelay.Builder relay(String name, SqliteEventStore store, TestBroker broker, String instance) {
        return KafkaRelay.builder(name, store, broker.bootstrapServers()).topics(RelayTopics.single(name))
                .instanceId(instance).leaseDuration(Duration.ofMillis(600)).pollInterval(Duration.ofMillis(20))
                .producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000));
    }

    @Test
    void lagIsTheStoresHeadMinusTheRelayedPosition(TestBroker broker) {
        String name = "m" + UUID.randomUUID().toString().substring(0, 8);
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"));
             KafkaRelay relay = relay(name, store, broker, "one").batchSize(4).build()) {
            RelayTestEvents.append(store, "A-1", "Happened", 10);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new KafkaRelayMetrics(List.of(relay)).bindTo(meters);
            assertThat(gauge(meters, FactumMeters.RELAY_LAG, name)).as("position not read back yet").isNaN();

            assertThat(relay.relayOnce()).isEqualTo(4);
            assertThat(relay.lag()).isEqualTo(6);
            assertThat(gauge(meters, FactumMeters.RELAY_LAG, name)).isEqualTo(6.0);
            assertThat(gauge(meters, FactumMeters.RELAY_POSITION, name)).isEqualTo((double) relay.position());
            relay.runUntilCaughtUp();
            assertThat(gauge(meters, FactumMeters.RELAY_LAG, name)).isZero();
            RelayTestEvents.append(store, "A-1", "Happened", 3);
            assertThat(gauge(meters, FactumMeters.RELAY_LAG, name)).isEqualTo(3.0);
            assertThat(meters.get(FactumMeters.RELAY_STATUS).tag(FactumMeters.RELAY, name)
                    .tag(FactumMeters.STATUS, "NEW").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void ofTwoRunningInstancesOneIsActiveAndTheOtherTakesOverWhenItStops(TestBroker broker) throws Exception {
        String name = "m" + UUID.randomUUID().toString().substring(0, 8);
        Path db = dir.resolve("events.db");
        try (SqliteEventStore store = SqliteEventStore.open(db);
             SqliteEventStore otherConnection = SqliteEventStore.open(db);
             KafkaRelay first = relay(name, store, broker, "first").build();
             KafkaRelay second = relay(name, otherConnection, broker, "second").build()) {
            RelayTestEvents.append(store, "A-1", "Happened", 5);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new KafkaRelayMetrics(List.of(first)).bindTo(meters);
            SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
            new KafkaRelayMetrics(List.of(second)).bindTo(otherMeters);

            first.start();
            await(() -> first.isActive() && first.lag() == 0, "the first relay catches up");
            second.start();
            Thread.sleep(1_500); // more than two leases: the standby must not take over from a live owner
            assertThat(first.isActive()).isTrue();
            assertThat(second.isActive()).isFalse();
            assertThat(second.lastError()).isNull();
            assertThat(gauge(meters, FactumMeters.RELAY_ACTIVE, name)).isEqualTo(1.0);
            assertThat(gauge(otherMeters, FactumMeters.RELAY_ACTIVE, name)).isZero();
            assertThat(gauge(otherMeters, FactumMeters.RELAY_LAG, name)).as("a standby does not know").isNaN();
            assertThat(gauge(meters, FactumMeters.RELAY_LAG, name)).isZero();

            first.stop(); // gives the lease up
            RelayTestEvents.append(store, "A-1", "Happened", 5);
            await(() -> second.isActive() && second.position() >= 0 && second.lag() == 0, "the standby takes over");
            assertThat(second.position()).isEqualTo(store.lastPosition());
            List<?> records = TopicReader.readAll(broker.bootstrapServers(), List.of(name), 10, Duration.ofSeconds(30),
                    Duration.ofSeconds(1));
            assertThat(records).hasSize(10);
        }
    }

    private static double gauge(SimpleMeterRegistry meters, String meter, String relay) {
        return meters.get(meter).tag(FactumMeters.RELAY, relay).gauge().value();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
