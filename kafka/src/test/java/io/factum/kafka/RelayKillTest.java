package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.StoredEvent;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay runs in a child JVM that is killed with SIGKILL at random points while events are appended; after a
 * last relay catches up, a read_committed consumer must see every stored event exactly once, in stream order.
 * Scaled for CI: 5 kills over 3,000 events; {@code -Dfactum.kafka.fullKillTest=true} runs the 10 kills over
 * 20,000 events (a few minutes; the code path is the same). Each relay runs in exclusive mode: the next one takes
 * the lease over once the killed one's expires (1 s).
 */
@ExtendWith(TestBrokerExtension.class)
class RelayKillTest {

    private static final boolean FULL = Boolean.getBoolean("factum.kafka.fullKillTest");
    private static final int EVENTS = FULL ? 20_000 : 3_000;
    private static final int KILLS = FULL ? 10 : 5;
    /** How long each relay runs before it is killed: from this, plus up to 1.5 s. */
    private static final int RUN_MILLIS = FULL ? 4_500 : 1_000;
    private static final String[] AGGREGATES = {"Order", "Payment", "Shipment"};

    @TempDir
    Path dir;

    @Test
    void afterKillNineAtRandomPointsEveryEventIsInKafkaExactlyOnceInStreamOrder(TestBroker broker) throws Exception {
        Path db = dir.resolve("events.db");
        String name = "kill" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = name + ".";
        Random random = new Random();
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            Thread writer = new Thread(() -> appendSlowly(store, new Random(random.nextLong())), "writer");
            writer.start();
            for (int kill = 0; kill < KILLS; kill++) {
                Process relay = startRelay(db, broker, name, prefix);
                Thread.sleep(RUN_MILLIS + random.nextInt(1_500));
                relay.destroyForcibly(); // SIGKILL
                assertThat(relay.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            writer.join();
            Process last = startRelay(db, broker, name, prefix);
            List<ConsumerRecord<String, byte[]>> records;
            try {
                List<String> topics = new ArrayList<>();
                for (String aggregate : AGGREGATES) {
                    topics.add(prefix + aggregate);
                }
                records = TopicReader.readAll(broker.bootstrapServers(), topics, EVENTS, Duration.ofSeconds(FULL ? 300 : 90),
                        Duration.ofSeconds(2));
            } finally {
                last.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            List<StoredEvent> stored = store.readAll(0, EVENTS + 1);
            assertThat(stored).hasSize(EVENTS);
            assertThat(records).hasSize(EVENTS);
            Set<UUID> seen = new HashSet<>();
            Map<String, Long> nextRevision = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                StoredEvent event = KafkaHeaders.read(record);
                assertThat(seen.add(event.eventId())).as("duplicate %s", event.eventId()).isTrue();
                long expected = nextRevision.getOrDefault(event.streamId(), 0L);
                assertThat(event.streamRevision()).as("revision of %s", event.streamId()).isEqualTo(expected);
                nextRevision.put(event.streamId(), expected + 1);
                assertThat(record.topic()).isEqualTo(prefix + RelayTopics.aggregateType(event.streamId()));
            }
            Set<UUID> storedIds = new HashSet<>();
            stored.forEach(e -> storedIds.add(e.eventId()));
            assertThat(seen).isEqualTo(storedIds);
        }
    }

    /** Appends EVENTS events in appends of 1 to 5 to 30 streams, over 10 to 15 seconds (full mode: about 70 s). */
    private static void appendSlowly(SqliteEventStore store, Random random) {
        int appended = 0;
        while (appended < EVENTS) {
            int count = Math.min(EVENTS - appended, 1 + random.nextInt(5));
            String stream = AGGREGATES[random.nextInt(AGGREGATES.length)] + "-" + random.nextInt(10);
            RelayTestEvents.appendBatch(store, stream, "Happened", count);
            appended += count;
            try {
                Thread.sleep(10); // about 1,000 appends over 10 to 15 s, so that the kills fall while the relay has work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Process startRelay(Path db, TestBroker broker, String name, String prefix) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RelayChildMain.class.getName(), db.toString(), broker.bootstrapServers(), name, prefix);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(db.resolveSibling("relay-" + System.nanoTime() + ".log").toFile()).start();
    }
}
