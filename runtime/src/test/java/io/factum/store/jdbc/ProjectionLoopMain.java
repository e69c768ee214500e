package io.factum.store.jdbc;

import io.factum.event.EventEnvelope;
import io.factum.sample.ItemAdded;
import io.factum.sample.Samples;
import io.factum.subscription.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Runs in a child JVM that the test kills with SIGKILL: a {@link io.factum.subscription.JdbcProjection}
 * adding up item quantities per stream, slowly, printing a line per event applied.
 *
 * <p>Arguments: {@code sqlite <file> <prefix>} or {@code postgres <jdbc-url> <prefix>}.
 */
public final class ProjectionLoopMain {

    static final String SUBSCRIPTION = "totals";

    private ProjectionLoopMain() {}

    /** The read model: one row per stream with the sum of its quantities. */
    static String totalsTable(String prefix) {
        return prefix + "totals";
    }

    static void apply(String table, EventEnvelope<Object> event, Connection connection) throws SQLException {
        if (event.payload() instanceof ItemAdded item) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (stream_id, total)"
                    + " VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET total = " + table + ".total + excluded.total")) {
                upsert.setString(1, event.streamId());
                upsert.setInt(2, item.quantity());
                upsert.executeUpdate();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        JdbcEventStore store = AppendLoopMain.openStore(args[0], args[1], args[2]);
        String table = totalsTable(args[2]);
        Subscription projection = Subscription.builder(SUBSCRIPTION, store, Samples.registry())
                .projection((event, connection) -> {
                    apply(table, event, connection);
                    System.out.println("applied " + event.globalPosition());
                    System.out.flush();
                    Thread.sleep(2);
                })
                .batchSize(7)
                .build();
        projection.runUntilCaughtUp();
        System.out.println("caught up");
    }
}
