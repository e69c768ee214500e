package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.StoredEvent;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.FleetStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two relays of one name in two child JVMs on one store: one holds the lease and relays, the other stands by
 * without fencing it; the active one is killed with SIGKILL mid-stream and the standby takes over. A
 * read_committed consumer then sees every event exactly once, in stream order.
 */
@ExtendWith(TestBrokerExtension.class)
class RelayFailoverTest {

    private static final int EVENTS = 800;

    @TempDir
    Path dir;

    @Test
    void whenTheActiveRelayIsKilledTheStandbyTakesOverAndNothingIsRepeated(TestBroker broker) throws Exception {
        Path db = dir.resolve("events.db");
        String name = "fo" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = name + ".";
        String lease = "factum-relay-" + name;
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < EVENTS && !Thread.currentThread().isInterrupted(); i++) {
                    RelayTestEvents.append(store, "Order-" + (i % 20), "Happened", 1);
                    pause(5);
                }
            }, "writer");
            writer.setDaemon(true);
            writer.start();
            Process first = startRelay(db, broker, name, prefix, "first");
            awaitOwner(store, lease, "first");
            Process second = startRelay(db, broker, name, prefix, "second");
            try {
                long token = FleetStatus.of(store, lease).leases().get(0).token();
                Thread.sleep(3_000); // both run: the standby must neither claim the lease nor fence the active relay
                FleetStatus before = FleetStatus.of(store, lease);
                assertThat(before.leases().get(0).owner()).contains("first");
                assertThat(before.leases().get(0).token()).isEqualTo(token);
                assertThat(lastCommitted(broker, prefix)).as("the active relay relays").isPositive();

                first.destroyForcibly(); // SIGKILL, most likely inside a Kafka transaction
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                awaitOwner(store, lease, "second");
                assertThat(FleetStatus.of(store, lease).leases().get(0).token()).isGreaterThan(token);
                writer.join();

                List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                        List.of(prefix + "Order"), EVENTS, Duration.ofSeconds(60), Duration.ofSeconds(2));
                List<StoredEvent> stored = store.readAll(0, EVENTS + 1);
                assertThat(records).hasSize(EVENTS);
                Set<UUID> seen = new HashSet<>();
                Map<String, Long> nextRevision = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    StoredEvent event = KafkaHeaders.read(record);
                    assertThat(seen.add(event.eventId())).as("duplicate %s", event.eventId()).isTrue();
                    long expected = nextRevision.getOrDefault(event.streamId(), 0L);
                    assertThat(event.streamRevision()).as("revision of %s", event.streamId()).isEqualTo(expected);
                    nextRevision.put(event.streamId(), expected + 1);
                }
                Set<UUID> storedIds = new HashSet<>();
                stored.forEach(e -> storedIds.add(e.eventId()));
                assertThat(seen).isEqualTo(storedIds);
            } finally {
                writer.interrupt();
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** How many records the relays committed so far to the test's topic. */
    private static int lastCommitted(TestBroker broker, String prefix) {
        return TopicReader.readAll(broker.bootstrapServers(), List.of(prefix + "Order"), 1, Duration.ofSeconds(20),
                Duration.ZERO).size();
    }

    private static void awaitOwner(SqliteEventStore store, String lease, String owner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<FleetStatus.Lease> leases = FleetStatus.of(store, lease).leases();
            if (!leases.isEmpty() && leases.get(0).live() && leases.get(0).owner().orElse("").equals(owner)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("relay instance " + owner + " did not take the lease " + lease + " within 30 s: "
                + FleetStatus.of(store, lease));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process startRelay(Path db, TestBroker broker, String name, String prefix, String instance)
            throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RelayChildMain.class.getName(), db.toString(), broker.bootstrapServers(), name, prefix, instance);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + "-" + instance + ".log").toFile()).start();
    }
}
