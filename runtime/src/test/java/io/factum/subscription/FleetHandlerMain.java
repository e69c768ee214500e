package io.factum.subscription;

import io.factum.sample.Samples;
import io.factum.store.jdbc.AppendLoopMain;
import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;

/**
 * Runs in a child JVM that a test may kill with SIGKILL: one instance of the exclusive handler
 * subscription {@value #NAME}, printing {@code handled <position>} per event, until killed.
 *
 * <p>Arguments: {@code sqlite <file> <prefix> <instance> <leaseMillis>} or
 * {@code postgres <jdbc-url> <prefix> <instance> <leaseMillis>}.
 */
public final class FleetHandlerMain {

    static final String NAME = "fleet";
    static final int BATCH_SIZE = 10;

    private FleetHandlerMain() {}

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = AppendLoopMain.openStore(args[0], args[1], args[2]);
        Subscription subscription = Subscription.builder(NAME, store, Samples.registry())
                .handler(event -> {
                    System.out.println("handled " + event.globalPosition());
                    System.out.flush();
                    Thread.sleep(2);
                }, new JdbcCheckpointStore(store))
                .instanceId(args[3])
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[4])))
                .pollInterval(Duration.ofMillis(100))
                .checkpointInterval(Duration.ZERO)
                .batchSize(BATCH_SIZE)
                .build();
        subscription.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
