package io.factum.example.app;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.bus.EventBus;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.analytics.SalesProjection;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.BankingService;
import io.factum.example.banking.MoneyTransferAggregateType;
import io.factum.example.banking.TransferProcess;
import io.factum.example.banking.TransferProcessSubscribers;
import io.factum.example.inventory.InventoryService;
import io.factum.example.inventory.OrderStockPolicy;
import io.factum.example.inventory.OrderStockPolicySubscribers;
import io.factum.example.inventory.WarehouseAggregateType;
import io.factum.example.notifications.NotificationsProjection;
import io.factum.example.ordering.CustomerAggregateType;
import io.factum.example.ordering.OrderAggregateType;
import io.factum.example.ordering.OrderingService;
import io.factum.example.ordering.StockRefusalPolicy;
import io.factum.example.ordering.StockRefusalPolicySubscribers;
import io.factum.personal.SubjectKeys;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.Subscription;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The whole shop wired together: one event store, the generated registry, a repository per
 * aggregate, the contexts' services, and the durable subscriptions through which the contexts
 * react to each other.
 *
 * <h2>Synchronous and asynchronous reactions</h2>
 * <ul>
 *   <li><b>Synchronous, in-process bus</b> ({@link SynchronousEventBus}): every repository publishes
 *       the events it has just committed, in the saving thread. Only the {@link ActivityLog} listens:
 *       showing the user what a command recorded belongs to that command, and needs no durability.</li>
 *   <li><b>Asynchronous, durable catch-up subscriptions</b> with checkpoints in the same database:
 *       every reaction of one context to another's events (Inventory to orders, Ordering to stock
 *       refusals, Notifications, Analytics) and the transfer process. They run on their own threads
 *       after the command has committed; if the process dies first, the next start resumes from the
 *       checkpoints and nothing is lost. Notifications and Analytics are projections whose read model
 *       and checkpoint commit in one transaction (exactly once); the others append events and are
 *       idempotent (at least once).</li>
 * </ul>
 */
public final class ExampleApp implements AutoCloseable {

    /** The name of the transfer process's subscription. */
    public static final String TRANSFERS = "transfers";

    /** Accounts and orders are snapshotted after every this many events. */
    public static final int SNAPSHOT_EVERY = 5;

    private final StoreLocation location;
    private final DataSource dataSource;
    private final JdbcEventStore store;
    private final EventTypeRegistry registry;
    private final SubjectKeys keys;
    private final OrderingService ordering;
    private final InventoryService inventory;
    private final BankingService banking;
    private final NotificationsProjection notifications;
    private final SalesProjection analytics;
    private final Reactions.QuietableNarrator narrator;
    private final Reactions reactions;

    private ExampleApp(StoreLocation location, Narrator console, Consumer<EventEnvelope<?>> activity) {
        this.location = location;
        this.narrator = new Reactions.QuietableNarrator(console);
        this.dataSource = location.openDataSource();
        this.store = location.openStore(dataSource);
        this.registry = EventTypeRegistry.of(new ExampleFactumModule());
        this.keys = ShopKeys.install(location, dataSource);

        EventBus bus = new SynchronousEventBus();
        ActivityLogSubscribers.register(bus, new ActivityLog(activity));

        // Accounts and orders keep a snapshot every SNAPSHOT_EVERY events; a load replays only the events after it.
        SnapshotPolicy snapshots = SnapshotPolicy.everyEvents(SNAPSHOT_EVERY);
        var orders = new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE, bus)
                .withSnapshots(store.snapshots(), snapshots);
        var customers = new AggregateRepository<>(store, registry, CustomerAggregateType.INSTANCE, bus);
        var warehouses = new AggregateRepository<>(store, registry, WarehouseAggregateType.INSTANCE, bus);
        var accounts = new AggregateRepository<>(store, registry, AccountAggregateType.INSTANCE, bus)
                .withSnapshots(store.snapshots(), snapshots);
        var transfers = new AggregateRepository<>(store, registry, MoneyTransferAggregateType.INSTANCE, bus);
        this.ordering = new OrderingService(orders, customers);
        this.inventory = new InventoryService(warehouses);
        this.banking = new BankingService(accounts, transfers);

        String prefix = store.tables().prefix();
        this.notifications = new NotificationsProjection(prefix, narrator);
        this.analytics = new SalesProjection(prefix, narrator);
        createReadModelTables();

        this.reactions = new Reactions(store, registry, narrator);
        reactions.reaction("inventory", dispatch -> OrderStockPolicySubscribers.register(dispatch, new OrderStockPolicy(warehouses, narrator)));
        reactions.reaction("ordering", dispatch -> StockRefusalPolicySubscribers.register(dispatch, new StockRefusalPolicy(orders, narrator)));
        reactions.reaction(TRANSFERS, dispatch -> TransferProcessSubscribers.register(dispatch, new TransferProcess(accounts, transfers, narrator)));
        reactions.projection(NotificationsProjection.NAME, notifications::apply, notifications::clear);
        reactions.projection(SalesProjection.NAME, analytics::apply, analytics::clear);
    }

    /**
     * Opens the store at {@code location} (creating its tables on first use).
     *
     * @param narrator where contexts say what they did in reaction to events
     * @param activity receives every committed event, in the thread that committed it
     */
    public static ExampleApp open(StoreLocation location, Narrator narrator, Consumer<EventEnvelope<?>> activity) {
        return new ExampleApp(location, narrator, activity);
    }

    private void createReadModelTables() {
        try (Connection connection = store.dataSource().getConnection()) {
            notifications.createTables(connection);
            analytics.createTables(connection);
        } catch (SQLException e) {
            closeDataSource();
            throw new StorageException("Cannot create the read-model tables in " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    public OrderingService ordering() {
        return ordering;
    }

    public InventoryService inventory() {
        return inventory;
    }

    public BankingService banking() {
        return banking;
    }

    public EventTypeRegistry registry() {
        return registry;
    }

    public JdbcEventStore store() {
        return store;
    }

    public StoreLocation location() {
        return location;
    }

    /** Starts every subscription on its own thread; on PostgreSQL, {@code LISTEN/NOTIFY} wakes them early. */
    public void startReactions() {
        reactions.startAll();
    }

    /**
     * Stops one subscription, as if its process were down; {@link #startReactions()} starts it again
     * from its checkpoint.
     */
    public void stopReaction(String name) {
        reactions.stop(name);
    }

    /**
     * Waits until every subscription has handled everything committed, including the events that
     * other subscriptions' reactions append meanwhile.
     *
     * @throws ReactionFailedException if a subscription stopped at an event it could not handle, or
     *                                 did not catch up in time
     */
    public void awaitReactions() {
        reactions.awaitAll();
    }

    /** The subscriptions, in the order they were declared. */
    public List<Subscription> subscriptions() {
        return reactions.all();
    }

    /** Whether {@code name} is a projection with a read model that {@link #rebuild} can rebuild. */
    public boolean isProjection(String name) {
        return reactions.isProjection(name);
    }

    /** Names of the projections that can be rebuilt. */
    public List<String> projectionNames() {
        return reactions.projectionNames();
    }

    /** The global position of the newest stored event; {@code 0} when the store is empty. */
    public long headPosition() {
        return queryLong("SELECT MAX(position) FROM " + store.tables().events(), "the newest position");
    }

    /** How many events are stored. Positions may have gaps (PostgreSQL sequences), so this is not the head position. */
    public long eventCount() {
        return queryLong("SELECT COUNT(*) FROM " + store.tables().events(), "the number of events");
    }

    private long queryLong(String sql, String what) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StorageException("Cannot read " + what + " from " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rebuilds a projection from the first event: clears its read model and sets its checkpoint to
     * 0 in one transaction, then replays every event.
     *
     * @param progress receives the position reached after each batch
     * @return the number of events replayed
     */
    public int rebuild(String name, LongConsumer progress) {
        return reactions.rebuild(name, progress);
    }

    /**
     * Forgets a customer (crypto-shredding): destroys their data key, so every personal component of their
     * events reads as its replacement from now on, then rebuilds the projections, whose read models held
     * decoded copies. Their events stay; nothing else changes. On SQLite it then runs {@code VACUUM} and
     * truncates the write-ahead log, so that the deleted rows' bytes leave the file and its {@code -wal} at once
     * (PostgreSQL keeps dead row versions until its next vacuum).
     *
     * @return the projections rebuilt
     */
    public List<String> forgetCustomer(String customerId) {
        ordering.customer(customerId); // unknown id: NotFound, nothing forgotten
        keys.forget(customerId);
        List<String> rebuilt = projectionNames();
        for (String name : rebuilt) {
            rebuild(name, position -> { });
        }
        if (!location.isPostgres()) {
            query(connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("VACUUM");
                    sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        return rebuilt;
    }

    /** Whether {@code customerId}'s data key was destroyed. */
    public boolean isForgotten(String customerId) {
        return keys.isForgotten(customerId);
    }

    /** Runs {@code work} on a connection of the store, for queries of the read models. */
    public <T> T query(SqlWork<T> work) {
        try (Connection connection = store.dataSource().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("Cannot query " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    /** A query against the read models. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public NotificationsProjection notifications() {
        return notifications;
    }

    public SalesProjection analytics() {
        return analytics;
    }

    @Override
    public void close() {
        reactions.close();
        store.close();
        closeDataSource();
    }

    private void closeDataSource() {
        if (dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new StorageException("Cannot close the connection pool of " + location.describe(), e);
            }
        }
    }
}
