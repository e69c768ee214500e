package io.factum.kafka;

import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A relay in a process of its own, for the kill -9 test: relays the SQLite store at {@code args[0]} to the broker
 * at {@code args[1]} as relay {@code args[2]}, one topic per aggregate type with prefix {@code args[3]}, until killed.
 * In exclusive mode (the default on SQLite) with a lease of 1 s, so a standby (or the next relay) takes over soon
 * after a kill; {@code args[4]}, if given, is the instance id.
 */
public final class RelayChildMain {

    private RelayChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        SqliteEventStore store = SqliteEventStore.open(Path.of(args[0]));
        KafkaRelay.Builder builder = KafkaRelay.builder(args[2], store, args[1]);
        if (args.length > 4) {
            builder.instanceId(args[4]);
        }
        KafkaRelay relay = builder
                .topics(RelayTopics.perAggregateType(args[3]))
                .leaseDuration(java.time.Duration.ofSeconds(1))
                .batchSize(50)
                .pollInterval(java.time.Duration.ofMillis(20))
                .producerConfig(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000))
                .build();
        relay.start();
        System.out.println("relay started");
        String last = "";
        while (true) { // until killed: log what changes, for a failing test's reader
            RuntimeException error = relay.lastError();
            String now = "active=" + relay.isActive() + " status=" + relay.status() + " error=" + error;
            if (!now.equals(last)) {
                System.out.println(java.time.Instant.now() + " " + now);
                last = now;
            }
            Thread.sleep(20);
        }
    }
}
