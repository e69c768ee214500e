package io.factum.benchmarks.fleet;

import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.event.EventTypeRegistry;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One instance of a partitioned subscription in a child JVM of {@link ScalingHarness}: a handler
 * that waits 1 ms per event, as an I/O-bound handler would.
 *
 * <p>Arguments: {@code <sqlite file or jdbc:postgresql url> <prefix> <instance> <lease millis> <slices>}.
 */
public final class PartitionedInstanceMain {

    static final String NAME = "scaling";

    private PartitionedInstanceMain() {}

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = open(args[0], args[1]);
        Subscription subscription = Subscription.builder(NAME, store, EventTypeRegistry.of(new DomainFactumModule()))
                .handler(event -> Thread.sleep(1), new JdbcCheckpointStore(store))
                .mode(SubscriptionMode.partitioned(Integer.parseInt(args[4])))
                .instanceId(args[2])
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[3])))
                .pollInterval(Duration.ofMillis(100))
                .batchSize(64)
                .build();
        subscription.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A SQLite file, or a PostgreSQL database by its JDBC URL. */
    static JdbcEventStore open(String location, String prefix) {
        if (location.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(location);
            return PostgresEventStore.builder(dataSource).tablePrefix(prefix).build();
        }
        return SqliteEventStore.builder(SqliteEventStore.dataSource(Path.of(location))).tablePrefix(prefix).build();
    }
}
