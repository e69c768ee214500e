package io.factum.example.worker;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.analytics.SalesProjection;
import io.factum.example.app.Narrator;
import io.factum.example.app.ShopKeys;
import io.factum.example.app.StorageException;
import io.factum.example.app.StoreLocation;
import io.factum.example.notifications.NotificationsProjection;
import io.factum.kafka.KafkaSubscription;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Notifications and Analytics as a service of their own: they read Ordering's and the customers' events from
 * Kafka (put there by the shop's {@code relay}), not from the shop's tables, and keep their read models in a
 * database of their own. Each is a {@link KafkaSubscription} in a consumer group of its name, writing its read
 * model exactly once: the Kafka offsets commit in the read model's transaction.
 */
public final class KafkaWorker implements AutoCloseable {


    private final StoreLocation location;
    private final DataSource dataSource;
    private final StoreLocation keyLocation;
    private final DataSource keyDataSource;
    private final JdbcEventStore database;
    private final SalesProjection analytics;
    private final NotificationsProjection notifications;
    private final List<KafkaSubscription> subscriptions;

    private KafkaWorker(String bootstrapServers, StoreLocation location, StoreLocation keyLocation, Narrator narrator) {
        this.location = location;
        this.keyLocation = keyLocation;
        this.keyDataSource = keyLocation.openDataSource();
        ShopKeys.install(keyLocation, keyDataSource);
        this.dataSource = location.openDataSource();
        this.database = location.openStore(dataSource);
        String prefix = database.tables().prefix();
        this.analytics = new SalesProjection(prefix, narrator);
        this.notifications = new NotificationsProjection(prefix, narrator);
        try (Connection connection = database.dataSource().getConnection()) {
            analytics.createTables(connection);
            notifications.createTables(connection);
        } catch (SQLException e) {
            close();
            throw new StorageException("Cannot create the worker's read-model tables in " + location.describe() + ": "
                    + e.getMessage(), e);
        }
        EventTypeRegistry registry = EventTypeRegistry.of(new ExampleFactumModule());
        this.subscriptions = List.of(
                KafkaSubscription.builder("shop-" + SalesProjection.NAME, bootstrapServers, registry)
                        .topics(List.of(ShopRelay.TOPIC)).projection(database, analytics::apply).build(),
                KafkaSubscription.builder("shop-" + NotificationsProjection.NAME, bootstrapServers, registry)
                        .topics(List.of(ShopRelay.TOPIC)).projection(database, notifications::apply).build());
    }

    /**
     * Opens the worker's own database at {@code location}; {@link #start()} starts consuming. The customers' data
     * keys are read from the shop's key store at {@code keyLocation} (the events on Kafka carry their personal
     * data sealed, as stored).
     */
    public static KafkaWorker open(String bootstrapServers, StoreLocation location, StoreLocation keyLocation, Narrator narrator) {
        return new KafkaWorker(bootstrapServers, location, keyLocation, narrator);
    }

    public void start() {
        subscriptions.forEach(KafkaSubscription::start);
    }

    public List<KafkaSubscription> subscriptions() {
        return subscriptions;
    }

    /** The Analytics read model, row by row (as {@link SalesProjection#dump}). */
    public List<String> salesRows() {
        try (Connection connection = database.dataSource().getConnection()) {
            return analytics.dump(connection);
        } catch (SQLException e) {
            throw new StorageException("Cannot read " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (subscriptions != null) {
            subscriptions.forEach(KafkaSubscription::stop);
        }
        database.close();
        closePool(dataSource, location);
        closePool(keyDataSource, keyLocation);
    }

    private static void closePool(DataSource dataSource, StoreLocation location) {
        if (dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new StorageException("Cannot close the connection pool of " + location.describe(), e);
            }
        }
    }
}
