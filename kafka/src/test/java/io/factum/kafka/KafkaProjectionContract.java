package io.factum.kafka;

import static io.factum.kafka.KafkaSubscriptionTest.await;
import static io.factum.kafka.KafkaSubscriptionTest.relay;
import static io.factum.kafka.KafkaSubscriptionTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.JdbcProjection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once into a JDBC read model through rebalances: a second member joins the group mid-stream, the first
 * leaves, and a third starts on a group that never committed an offset to Kafka. Run against each database.
 */
@ExtendWith(TestBrokerExtension.class)
abstract class KafkaProjectionContract {

    private static final int EVENTS = 300;

    @TempDir
    Path dir;

    JdbcEventStore readModel;
    String seenTable;

    /** The read model's database, as a Factum JDBC store with a unique table prefix. */
    abstract JdbcEventStore openReadModel(Path dir);

    abstract void dropTables(JdbcEventStore readModel, String... extraTables);

    @BeforeEach
    void openDatabase() throws SQLException {
        readModel = openReadModel(dir);
        seenTable = readModel.tables().prefix() + "seen";
        try (Connection connection = readModel.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + seenTable + " (event_id VARCHAR(36) NOT NULL, stream_id VARCHAR(200) "
                    + "NOT NULL, revision BIGINT NOT NULL)");
        }
    }

    @AfterEach
    void dropDatabase() {
        dropTables(readModel, seenTable, readModel.tables().prefix() + "kafka_offsets");
        readModel.close();
    }

    private final JdbcProjection recordSeen = (event, connection) -> {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + seenTable
                + " (event_id, stream_id, revision) VALUES (?, ?, ?)")) {
            insert.setString(1, event.eventId().toString());
            insert.setString(2, event.streamId());
            insert.setLong(3, event.streamRevision());
            insert.executeUpdate();
        }
        Thread.sleep(3); // so that the rebalances fall in the middle of the stream
    };

    private long count(String what) {
        try (Connection connection = readModel.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + what + " FROM " + seenTable)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private KafkaSubscription member(String name, TestBroker broker, String topic) {
        return KafkaSubscription.builder(name, broker.bootstrapServers(), TestEventTypes.registry())
                .topics(List.of(topic)).batchSize(25).projection(readModel, recordSeen).build();
    }

    @Test
    void everyEventChangesTheReadModelExactlyOnceThroughRebalances(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            for (int stream = 0; stream < 6; stream++) {
                RelayTestEvents.append(store, "Order-" + stream, "Happened", EVENTS / 6);
            }
            relay(store, broker, topic);
        }
        String name = unique();
        KafkaSubscription first = member(name, broker, topic);
        KafkaSubscription second = member(name, broker, topic);
        try {
            first.start();
            await(() -> count("COUNT(*)") >= 40, "the first member applied 40 events");
            second.start(); // the group rebalances while the first is mid-stream
            await(() -> count("COUNT(*)") >= 150, "150 events were applied");
            first.stop(); // and again when it leaves
            await(() -> count("COUNT(*)") >= EVENTS, "every event was applied");
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(first.failure()).isNull();
        assertThat(second.failure()).isNull();

        // The group committed no offset to Kafka: a new member would start from the beginning without the stored ones.
        try (KafkaSubscription third = member(name, broker, topic)) {
            third.start();
            Thread.sleep(3_000);
            assertThat(third.status()).isEqualTo(KafkaSubscription.Status.RUNNING);
        }
        assertThat(count("COUNT(*)")).isEqualTo(EVENTS);
        assertThat(count("COUNT(DISTINCT event_id)")).isEqualTo(EVENTS);
        assertThat(count("MAX(revision)")).isEqualTo(EVENTS / 6 - 1);
    }
}
