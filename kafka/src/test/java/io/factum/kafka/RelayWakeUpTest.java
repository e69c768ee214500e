package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.Registration;
import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.AppendSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KafkaRelay.Builder.wakeUpOn}: with a 30 s poll interval, only the signal can make the running relay read
 * the store again within the tests' waits. The feed counts the relay's reads, so "it did not read" is exact.
 */
@ExtendWith(TestBrokerExtension.class)
class RelayWakeUpTest {

    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAppendSignalWakesTheRelayWhichOtherwiseWaitsItsPollInterval(TestBroker broker) throws Exception {
        String topic = unique();
        HandSignal signal = new HandSignal();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "A-1", "Happened", 1);
            CountingFeed feed = new CountingFeed(store);
            try (KafkaRelay relay = relay(feed, topic, broker).wakeUpOn(signal).build()) {
                relay.start();
                assertThat(feed.caughtUp.tryAcquire(60, TimeUnit.SECONDS)).isTrue(); // relayed the first, then idles
                assertThat(relay.position()).isEqualTo(store.lastPosition());
                assertThat(signal.registered()).isEqualTo(1);
                int reads = feed.reads.get();

                RelayTestEvents.append(store, "A-1", "Happened", 1);
                assertThat(feed.caughtUp.tryAcquire(2, TimeUnit.SECONDS)).isFalse();
                assertThat(feed.reads.get()).as("reads without a signal").isEqualTo(reads);

                signal.fire();
                assertThat(feed.caughtUp.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                assertThat(feed.reads.get()).as("one read relays the event, one finds nothing").isEqualTo(reads + 2);
                assertThat(relay.position()).isEqualTo(store.lastPosition());
            }
            assertThat(signal.registered()).as("registrations left after close").isZero();
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(topic), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).extracting(r -> KafkaHeaders.read(r).streamRevision()).containsExactly(0L, 1L);
        }
    }

    @Test
    void aWakeUpThatComesWhileTheRelayReadsIsNotLost(TestBroker broker) throws Exception {
        String topic = unique();
        HandSignal signal = new HandSignal();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            CountingFeed feed = new CountingFeed(store);
            // An append that commits just after the relay's read, its notification arriving before the relay idles.
            feed.afterFirstEmptyRead = () -> {
                RelayTestEvents.append(store, "A-1", "Happened", 1);
                signal.fire();
            };
            try (KafkaRelay relay = relay(feed, topic, broker).wakeUpOn(signal).build()) {
                relay.start();
                assertThat(feed.caughtUp.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
                assertThat(feed.caughtUp.tryAcquire(10, TimeUnit.SECONDS)).as("caught up again without the poll")
                        .isTrue();
                assertThat(relay.position()).isEqualTo(store.lastPosition());
                assertThat(feed.reads.get()).isEqualTo(3); // empty, the appended event, empty
            }
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(),
                    List.of(topic), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("A-1");
        }
    }

    private static KafkaRelay.Builder relay(RelayFeed feed, String topic, TestBroker broker) {
        return KafkaRelay.builder(unique(), feed, broker.bootstrapServers()).topics(RelayTopics.single(topic))
                .pollInterval(LONG_POLL).producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000));
    }

    /** An {@link AppendSignal} fired by the test. */
    private static final class HandSignal implements AppendSignal {
        private final List<Runnable> wakes = new CopyOnWriteArrayList<>();

        @Override
        public Registration onAppend(Runnable wake) {
            wakes.add(wake);
            return () -> wakes.remove(wake);
        }

        void fire() {
            wakes.forEach(Runnable::run);
        }

        int registered() {
            return wakes.size();
        }
    }

    /** Reads the store, counting the reads; a permit per read that found nothing (the running relay then idles). */
    private static final class CountingFeed implements RelayFeed {
        private final EventStore store;
        final AtomicInteger reads = new AtomicInteger();
        final Semaphore caughtUp = new Semaphore(0);
        volatile Runnable afterFirstEmptyRead = () -> {};
        private boolean seenEmpty;

        CountingFeed(EventStore store) {
            this.store = store;
        }

        @Override
        public List<StoredEvent> readAfter(long afterPosition, int maxCount) {
            List<StoredEvent> events = store.readAll(afterPosition, maxCount);
            reads.incrementAndGet();
            if (events.isEmpty()) {
                if (!seenEmpty) {
                    seenEmpty = true;
                    afterFirstEmptyRead.run();
                }
                caughtUp.release();
            }
            return events;
        }

        @Override
        public long lastPosition() {
            return store.lastPosition();
        }
    }
}
