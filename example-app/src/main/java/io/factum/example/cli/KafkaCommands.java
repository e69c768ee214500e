package io.factum.example.cli;

import io.factum.example.app.StoreLocation;
import io.factum.example.worker.KafkaWorker;
import io.factum.example.worker.ShopRelay;
import io.factum.kafka.KafkaRelay;
import io.factum.kafka.KafkaSubscription;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The shop's events through Kafka: {@code relay} on the shop's side, {@code worker} for the other service. */
final class KafkaCommands {

    private KafkaCommands() {}

    /** Runs until {@code seconds} passed (0: until the process is stopped), printing each change {@code state} shows. */
    static void runFor(Console console, int seconds, Supplier<String> state) {
        long end = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        String shown = "";
        while (System.nanoTime() - end < 0) {
            String now = state.get();
            if (!now.equals(shown)) {
                console.line("%s", now);
                shown = now;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Command(name = "relay", description = "Relay the shop's Order and Customer events to the Kafka topic "
            + ShopRelay.TOPIC + " (created with one partition if missing), exactly once, until stopped. Run it in several processes: one relays, the others stand by.")
    static final class Relay implements Callable<Integer> {

        @ParentCommand
        ExampleCli cli;

        @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
        String bootstrapServers;

        @Option(names = "--seconds", defaultValue = "0", description = "how long to run; 0 (default) until stopped")
        int seconds;

        @Override
        public Integer call() {
            return cli.withApp(app -> {
                ShopRelay.createTopic(bootstrapServers);
                try (KafkaRelay relay = ShopRelay.of(app, bootstrapServers)) {
                    relay.start();
                    runFor(cli.console(), seconds, () -> "relay " + relay.name() + ": "
                            + (relay.isActive() ? "active" : "standing by") + (relay.lastError() != null
                            ? ", retrying after: " + relay.lastError().getMessage() : "")
                            + (relay.failure() != null ? ", failed: " + relay.failure().getMessage() : ""));
                }
                return 0;
            });
        }
    }

    @Command(name = "worker", description = "Run Notifications and Analytics as a service of their own: read the shop's "
            + "events from Kafka (put there by relay) into read models in the worker's own database; the customers' data keys "
            + "come from the shop's store (--store).")
    static final class Worker implements Callable<Integer> {

        @ParentCommand
        ExampleCli cli;

        @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
        String bootstrapServers;

        @Option(names = "--read-model", defaultValue = "jdbc:sqlite:factum-worker.db", paramLabel = "JDBC_URL",
                description = "the worker's own database (default jdbc:sqlite:factum-worker.db)")
        String readModel;

        @Option(names = "--seconds", defaultValue = "0", description = "how long to run; 0 (default) until stopped")
        int seconds;

        @Override
        public Integer call() {
            StoreLocation location = StoreLocation.resolve(readModel, cli.tablePrefix);
            ShopRelay.createTopic(bootstrapServers); // before subscribing, which could make the broker create it with its defaults
            StoreLocation keys = StoreLocation.resolve(cli.store, cli.tablePrefix); // the shop's store holds the key table
            try (KafkaWorker worker = KafkaWorker.open(bootstrapServers, location, keys,
                    (context, text) -> cli.console().line("%s (via Kafka): %s", context, text))) {
                worker.start();
                runFor(cli.console(), seconds, () -> {
                    StringBuilder state = new StringBuilder("worker:");
                    for (KafkaSubscription subscription : worker.subscriptions()) {
                        state.append(' ').append(subscription.name()).append('=').append(subscription.status());
                    }
                    return state.toString();
                });
            }
            return 0;
        }
    }
}
