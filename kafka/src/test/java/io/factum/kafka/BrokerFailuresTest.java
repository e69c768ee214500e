package io.factum.kafka;

import static io.factum.kafka.KafkaSubscriptionTest.await;
import static io.factum.kafka.KafkaSubscriptionTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the cluster itself, on a broker of this class's own (the shared one must stay up): the broker stops
 * mid-stream for the relay and for a consumer, and a topic is deleted while the relay writes to it. This broker
 * does not create topics on first use, as many production clusters do not.
 */
class BrokerFailuresTest {

    private static TestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start(Map.of("auto.create.topics.enable", "false"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static KafkaRelay.Builder relay(SqliteEventStore store, String topic) {
        return KafkaRelay.builder(unique(), store, broker.bootstrapServers())
                .topics(RelayTopics.single(topic)).batchSize(10).pollInterval(Duration.ofMillis(50))
                .maxBackoff(Duration.ofMillis(500))
                .producerConfig(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000));
    }

    private static List<Long> revisions(String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(broker.bootstrapServers(), List.of(topic),
                expected, Duration.ofSeconds(60), Duration.ofSeconds(1));
        return records.stream().map(r -> KafkaHeaders.read(r).streamRevision()).toList();
    }

    @Test
    void whenTheBrokerGoesAwayMidStreamTheRelayWaitsAndLaterRelaysEverythingOnce() throws Exception {
        String topic = unique();
        broker.createTopic(topic, 1);
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"));
             KafkaRelay relay = relay(store, topic).build()) {
            RelayTestEvents.append(store, "A-1", "Happened", 50);
            relay.start();
            assertThat(revisions(topic, 50)).hasSize(50);

            broker.close(); // the broker goes away
            RelayTestEvents.append(store, "A-1", "Happened", 50);
            await(() -> relay.lastError() != null, "the relay noticed the broker was gone");
            assertThat(relay.status()).isEqualTo(KafkaRelay.Status.RUNNING);
            assertThat(relay.lag()).as("lag while Kafka is down").isEqualTo(50);

            broker.restart();
            assertThat(revisions(topic, 100)).containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());
            assertThat(relay.status()).isEqualTo(KafkaRelay.Status.RUNNING);
        }
    }

    @Test
    void aConsumerWaitsOutTheBrokerAndItsProjectionAppliesEveryEventOnce() throws Exception {
        String topic = unique();
        broker.createTopic(topic, 2);
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"));
             SqliteEventStore readModel = SqliteEventStore.open(dir.resolve("read-model.db"));
             KafkaRelay relay = relay(store, topic).topics(RelayTopics.single(topic)).build()) {
            try (Connection connection = readModel.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE seen (event_id VARCHAR(36) PRIMARY KEY, revision BIGINT NOT NULL)");
            }
            for (int stream = 0; stream < 4; stream++) {
                RelayTestEvents.append(store, "Order-" + stream, "Happened", 25);
            }
            relay.start();
            try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                    TestEventTypes.registry()).topics(List.of(topic)).batchSize(10)
                    .projection(readModel, (event, connection) -> {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO seen (event_id, revision) VALUES (?, ?)")) { // a repeat would fail here
                            insert.setString(1, event.eventId().toString());
                            insert.setLong(2, event.streamRevision());
                            insert.executeUpdate();
                        }
                    }).build()) {
                subscription.start();
                await(() -> count(readModel, "COUNT(*)") >= 100, "the first 100 events were applied");

                broker.close(); // the broker goes away under the consumer (and the relay)
                for (int stream = 0; stream < 4; stream++) {
                    RelayTestEvents.append(store, "Order-" + stream, "Happened", 25);
                }
                Thread.sleep(2_000);
                assertThat(subscription.status()).isEqualTo(KafkaSubscription.Status.RUNNING);
                broker.restart();

                await(() -> count(readModel, "COUNT(*)") >= 200, "every event was applied");
                Thread.sleep(1_000);
                assertThat(subscription.failure()).isNull();
                assertThat(subscription.status()).isEqualTo(KafkaSubscription.Status.RUNNING);
            }
            assertThat(count(readModel, "COUNT(*)")).isEqualTo(200);
            assertThat(count(readModel, "COUNT(DISTINCT event_id)")).isEqualTo(200);
            assertThat(count(readModel, "MAX(revision)")).isEqualTo(49);
        }
    }

    @Test
    void aTopicDeletedMidStreamIsATypedErrorAndTheRelayGoesOnOnceItIsCreatedAgain() throws Exception {
        String topic = unique();
        broker.createTopic(topic, 1);
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"));
             KafkaRelay relay = relay(store, topic).build()) {
            RelayTestEvents.append(store, "A-1", "Happened", 20);
            relay.start();
            assertThat(revisions(topic, 20)).hasSize(20);
            await(() -> relay.lag() == 0, "the relay committed the first 20");
            long position = relay.position();

            broker.deleteTopic(topic); // with the 20 records in it: an operator's act
            RelayTestEvents.append(store, "A-1", "Happened", 20);
            await(() -> relay.lastError() instanceof RelayTopicMissingException, "the relay names the missing topic");
            RelayTopicMissingException missing = (RelayTopicMissingException) relay.lastError();
            assertThat(missing.topics()).containsExactly(topic);
            assertThat(missing).hasMessageContaining("topic " + topic + ": it does not exist");
            assertThat(missing.position()).isEqualTo(position);
            assertThat(relay.status()).isEqualTo(KafkaRelay.Status.RUNNING);
            assertThat(relay.position()).isEqualTo(position);

            broker.createTopic(topic, 1);
            assertThat(revisions(topic, 20)).as("every event after the deletion, once, in order")
                    .containsExactlyElementsOf(LongStream.range(20, 40).boxed().toList());
            await(() -> relay.lastError() == null, "the relay committed again");
            assertThat(relay.status()).isEqualTo(KafkaRelay.Status.RUNNING);
        }
    }

    private static long count(SqliteEventStore readModel, String what) {
        try (Connection connection = readModel.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + what + " FROM seen")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
