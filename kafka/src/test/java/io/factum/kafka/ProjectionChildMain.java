package io.factum.kafka;

import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A member of a Kafka projection's consumer group in a process of its own, for the kill -9 test: consumes topic
 * {@code args[2]} from the broker at {@code args[0]} as subscription {@code args[1]} into the PostgreSQL tables with
 * prefix {@code args[3]} (a row per event in {@code <prefix>seen}), until killed.
 */
public final class ProjectionChildMain {

    private ProjectionChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        PostgresEventStore readModel = PostgresEventStore.builder(PostgresTestDatabase.dataSource())
                .tablePrefix(args[3]).build();
        String seen = args[3] + "seen";
        KafkaSubscription subscription = KafkaSubscription.builder(args[1], args[0], TestEventTypes.registry())
                .topics(List.of(args[2]))
                .batchSize(20)
                .consumerConfig(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000))
                .projection(readModel, (event, connection) -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + seen
                            + " (event_id, stream_id, revision) VALUES (?, ?, ?)")) {
                        insert.setString(1, event.eventId().toString());
                        insert.setString(2, event.streamId());
                        insert.setLong(3, event.streamRevision());
                        insert.executeUpdate();
                    }
                    Thread.sleep(5); // so that the kill falls in the middle of the stream
                })
                .build();
        subscription.start();
        Thread.currentThread().join(); // until killed
    }
}
