package io.factum.kafka;

import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A relay in a process of its own, for the kill -9 test: relays the SQLite store at {@code args[0]} to the broker
 * at {@code args[1]} as relay {@code args[2]}, one topic per aggregate type with prefix {@code args[3]}, until killed.
 */
public final class RelayChildMain {

    private RelayChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        SqliteEventStore store = SqliteEventStore.open(Path.of(args[0]));
        KafkaRelay relay = KafkaRelay.builder(args[2], store, args[1])
                .topics(RelayTopics.perAggregateType(args[3]))
                .batchSize(50)
                .pollInterval(java.time.Duration.ofMillis(20))
                .producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000))
                .build();
        relay.start();
        System.out.println("relay started");
        Thread.currentThread().join(); // until killed
    }
}
