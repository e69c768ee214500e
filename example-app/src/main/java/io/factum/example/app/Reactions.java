package io.factum.example.app;

import io.factum.bus.EventBus;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventTypeRegistry;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresAppendListener;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.JdbcParkedEvents;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The durable catch-up subscriptions through which the contexts react to each other: reactions
 * that append events (at least once, idempotent) and projections whose read model commits with
 * the checkpoint (exactly once). Checkpoints live in the store's database.
 */
final class Reactions implements AutoCloseable {

    /** How long {@link #awaitAll} waits for one subscription in one round. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUNDS = 100;

    /** A read model a projection keeps, so that it can be cleared and rebuilt. */
    interface ReadModel {
        void clear(Connection connection) throws SQLException;
    }

    private final JdbcEventStore store;
    private final EventTypeRegistry registry;
    private final QuietableNarrator narrator;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
    private final WakeUps wakeUps = new WakeUps();
    private PostgresAppendListener appendListener;

    Reactions(JdbcEventStore store, EventTypeRegistry registry, QuietableNarrator narrator) {
        this.store = store;
        this.registry = registry;
        this.narrator = narrator;
    }

    /**
     * Adds a reaction. {@code register} subscribes a handler's {@code @Subscribe} methods (with the
     * generated {@code <Handler>Subscribers.register}) on a private bus, which the subscription feeds:
     * the handler gets typed calls for the events it wants and ignores the rest.
     */
    void reaction(String name, Consumer<EventBus> register) {
        SynchronousEventBus dispatch = new SynchronousEventBus();
        register.accept(dispatch);
        subscriptions.put(name, Subscription.builder(name, store, registry)
                .handler(dispatch::publish, new JdbcCheckpointStore(store))
                .parkedEvents(new JdbcParkedEvents(store))
                .wakeUpOn(wakeUps)
                .build());
    }

    /** Adds a projection and the read model it keeps. */
    void projection(String name, JdbcProjection projection, ReadModel readModel) {
        subscriptions.put(name, Subscription.builder(name, store, registry)
                .projection(projection)
                .wakeUpOn(wakeUps)
                .build());
        readModels.put(name, readModel);
    }

    /** Starts every subscription that is not running; on PostgreSQL, {@code LISTEN/NOTIFY} wakes them early. */
    void startAll() {
        if (store instanceof PostgresEventStore postgres && appendListener == null) {
            appendListener = postgres.listenForAppends();
            appendListener.onAppend(wakeUps::fire);
        }
        for (Subscription subscription : subscriptions.values()) {
            subscription.start();
        }
    }

    void stop(String name) {
        subscription(name).stop();
    }

    /**
     * Waits until every subscription has handled everything committed, including what the others'
     * reactions append meanwhile: rounds of waiting until a whole round moves no checkpoint.
     */
    void awaitAll() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Long> before = positions();
                for (Subscription subscription : subscriptions.values()) {
                    if (!subscription.awaitCaughtUp(TIMEOUT)) {
                        throw ReactionFailedException.of(subscription);
                    }
                }
                if (positions().equals(before)) {
                    return;
                }
            }
            throw new ReactionFailedException("Reactions kept producing new events after " + MAX_ROUNDS + " rounds; is there a cycle?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReactionFailedException("Interrupted while waiting for reactions");
        }
    }

    private List<Long> positions() {
        List<Long> positions = new ArrayList<>();
        for (Subscription subscription : subscriptions.values()) {
            positions.add(subscription.position());
        }
        return positions;
    }

    List<Subscription> all() {
        return List.copyOf(subscriptions.values());
    }

    boolean isProjection(String name) {
        return readModels.containsKey(name);
    }

    List<String> projectionNames() {
        return List.copyOf(readModels.keySet());
    }

    /**
     * Clears a projection's read model and sets its checkpoint to 0 in one transaction, then replays
     * every event, quietly: the history was narrated when it happened.
     */
    int rebuild(String name, LongConsumer progress) {
        ReadModel readModel = readModels.get(name);
        if (readModel == null) {
            throw new IllegalArgumentException("No projection named '" + name + "'; projections are " + projectionNames());
        }
        Subscription subscription = subscription(name);
        subscription.stop();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                readModel.clear(connection);
                new JdbcCheckpointStore(store).save(connection, name, 0);
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("Cannot clear projection '" + name + "': " + e.getMessage(), e);
        }
        subscription.reset();
        int total = 0;
        int read;
        narrator.quiet = true;
        try {
            while ((read = subscription.pollOnce()) > 0) {
                total += read;
                progress.accept(subscription.position());
            }
        } finally {
            narrator.quiet = false;
        }
        return total;
    }

    private Subscription subscription(String name) {
        Subscription subscription = subscriptions.get(name);
        if (subscription == null) {
            throw new IllegalArgumentException("No subscription named '" + name + "'; subscriptions are " + subscriptions.keySet());
        }
        return subscription;
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions.values()) {
            subscription.stop();
        }
        if (appendListener != null) {
            appendListener.close();
        }
    }

    /** Passes reactions on to the console, except while a rebuild replays history. */
    static final class QuietableNarrator implements Narrator {
        private final Narrator target;
        volatile boolean quiet;

        QuietableNarrator(Narrator target) {
            this.target = target;
        }

        @Override
        public void reaction(String context, String text) {
            if (!quiet) {
                target.reaction(context, text);
            }
        }
    }
}
