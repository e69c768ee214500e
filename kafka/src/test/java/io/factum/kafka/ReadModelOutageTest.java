package io.factum.kafka;

import static io.factum.kafka.KafkaSubscriptionTest.await;
import static io.factum.kafka.KafkaSubscriptionTest.relay;
import static io.factum.kafka.KafkaSubscriptionTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The read model's database goes away while a projection consumes: it waits, then applies everything exactly once. */
@ExtendWith(TestBrokerExtension.class)
class ReadModelOutageTest {

    @TempDir
    Path dir;

    @Test
    void aProjectionWaitsOutItsDatabaseAndAppliesNothingTwice(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            RelayTestEvents.append(store, "Order-1", "Happened", 200);
            relay(store, broker, topic);
        }
        FlakyDataSource database = new FlakyDataSource(SqliteEventStore.dataSource(dir.resolve("read-model.db")));
        AtomicInteger applied = new AtomicInteger();
        try (SqliteEventStore readModel = SqliteEventStore.builder(database).build()) {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE seen (event_id VARCHAR(36) NOT NULL, revision BIGINT NOT NULL)");
            }
            try (KafkaSubscription subscription = KafkaSubscription.builder(unique(), broker.bootstrapServers(),
                    TestEventTypes.registry()).topics(List.of(topic)).batchSize(10)
                    .projection(readModel, (event, connection) -> {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO seen (event_id, revision) VALUES (?, ?)")) {
                            insert.setString(1, event.eventId().toString());
                            insert.setLong(2, event.streamRevision());
                            insert.executeUpdate();
                        }
                        if (applied.incrementAndGet() == 50) {
                            database.down = true; // the next batch cannot get a connection
                        }
                    }).build()) {
                subscription.start();
                await(() -> subscription.lastError() != null, "the subscription met the outage");
                assertThat(subscription.lastError()).isInstanceOf(JdbcStoreException.class);
                assertThat(subscription.status()).isEqualTo(KafkaSubscription.Status.RUNNING);
                database.down = false;
                await(() -> count(database, "COUNT(*)") >= 200, "every event was applied");
                Thread.sleep(1_000);
                assertThat(subscription.failure()).isNull();
            }
            assertThat(count(database, "COUNT(*)")).isEqualTo(200);
            assertThat(count(database, "COUNT(DISTINCT event_id)")).isEqualTo(200);
        }
    }

    private static long count(FlakyDataSource database, String what) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + what + " FROM seen")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
