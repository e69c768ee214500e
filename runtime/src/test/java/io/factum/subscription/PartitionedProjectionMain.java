package io.factum.subscription;

import io.factum.sample.Samples;
import io.factum.store.jdbc.AppendLoopMain;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Runs in a child JVM that a test may kill with SIGKILL: one instance of the partitioned
 * {@link JdbcProjection} {@value #NAME} ({@value PartitionedHandlerMain#SLICES} slices), until killed.
 * Per event it inserts one row into the read model table {@code <prefix>applied} in the batch's
 * transaction: the event id, stream, revision, this instance, and whether the revision follows the
 * stream's last applied one (per-stream order as the read model sees it).
 *
 * <p>Arguments: {@code sqlite <file> <prefix> <instance> <leaseMillis>} or
 * {@code postgres <jdbc-url> <prefix> <instance> <leaseMillis>}.
 */
public final class PartitionedProjectionMain {

    static final String NAME = "partitioned-projection";

    private PartitionedProjectionMain() {}

    static String readModel(String prefix) {
        return prefix + "applied";
    }

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = AppendLoopMain.openStore(args[0], args[1], args[2]);
        String table = readModel(args[2]);
        String instance = args[3];
        JdbcProjection project = (event, connection) -> {
            long last;
            try (PreparedStatement max = connection.prepareStatement("SELECT MAX(revision) FROM " + table + " WHERE stream = ?")) {
                max.setString(1, event.streamId());
                try (ResultSet row = max.executeQuery()) {
                    row.next();
                    last = row.getObject(1) == null ? -1 : row.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (event_id, position, stream, revision, instance, in_order) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, event.eventId().toString());
                insert.setLong(2, event.globalPosition());
                insert.setString(3, event.streamId());
                insert.setLong(4, event.streamRevision());
                insert.setString(5, instance);
                insert.setInt(6, last == -1 || event.streamRevision() == last + 1 ? 1 : 0);
                insert.executeUpdate();
            }
        };
        Subscription subscription = Subscription.builder(NAME, store, Samples.registry())
                .projection(project)
                .mode(SubscriptionMode.partitioned(PartitionedHandlerMain.SLICES))
                .instanceId(instance)
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[4])))
                .pollInterval(Duration.ofMillis(100))
                .batchSize(PartitionedHandlerMain.BATCH_SIZE)
                .build();
        subscription.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
