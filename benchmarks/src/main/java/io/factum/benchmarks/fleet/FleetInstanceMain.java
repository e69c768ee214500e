package io.factum.benchmarks.fleet;

import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.event.EventTypeRegistry;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.Subscription;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One instance of an exclusive subscription in a child JVM of {@link FailoverHarness}: a handler
 * that waits 1 ms per event, as an I/O-bound handler would, printing
 * {@code handled <position> <epoch millis>} for each.
 *
 * <p>Arguments: {@code <sqlite file> <prefix> <instance> <lease millis> <poll millis>}.
 */
public final class FleetInstanceMain {

    static final String NAME = "failover";

    private FleetInstanceMain() {}

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = SqliteEventStore.builder(SqliteEventStore.dataSource(Path.of(args[0])))
                .tablePrefix(args[1]).build();
        Subscription subscription = Subscription.builder(NAME, store, EventTypeRegistry.of(new DomainFactumModule()))
                .handler(event -> {
                    Thread.sleep(1);
                    System.out.println("handled " + event.globalPosition() + " " + System.currentTimeMillis());
                    System.out.flush();
                }, new JdbcCheckpointStore(store))
                .instanceId(args[2])
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[3])))
                .pollInterval(Duration.ofMillis(Long.parseLong(args[4])))
                .batchSize(32)
                .build();
        subscription.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
