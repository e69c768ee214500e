package io.factum.subscription;

import io.factum.sample.Samples;
import io.factum.store.jdbc.AppendLoopMain;
import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;

/**
 * Runs in a child JVM that a test may kill with SIGKILL: one instance of the partitioned handler
 * subscription {@value #NAME} ({@value #SLICES} slices), printing {@code event <position> <stream>
 * <revision>} per event after a 1 ms wait, until killed.
 *
 * <p>Arguments: {@code sqlite <file> <prefix> <instance> <leaseMillis>} or
 * {@code postgres <jdbc-url> <prefix> <instance> <leaseMillis>}.
 */
public final class PartitionedHandlerMain {

    static final String NAME = "partitioned";
    static final int SLICES = 16;
    static final int BATCH_SIZE = 20;

    private PartitionedHandlerMain() {}

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = AppendLoopMain.openStore(args[0], args[1], args[2]);
        Subscription subscription = Subscription.builder(NAME, store, Samples.registry())
                .handler(event -> {
                    Thread.sleep(1);
                    System.out.println("event " + event.globalPosition() + " " + event.streamId() + " " + event.streamRevision());
                    System.out.flush();
                }, new JdbcCheckpointStore(store))
                .mode(SubscriptionMode.partitioned(SLICES))
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
