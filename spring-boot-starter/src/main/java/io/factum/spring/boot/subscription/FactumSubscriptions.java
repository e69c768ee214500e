package io.factum.spring.boot.subscription;

import io.factum.event.EventTypeRegistry;
import io.factum.spring.boot.FactumConfigurationException;
import io.factum.store.EventStore;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.JdbcParkedEvents;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.Subscription;
import java.util.Objects;

/**
 * Starts subscription builders on the configured store, with checkpoints and parked events kept in its
 * database (in memory on the in-memory store), and handlers measured when Micrometer is present.
 * Declare the result as a bean and the context runs it:
 *
 * <pre>{@code
 * @Bean
 * Subscription emails(FactumSubscriptions subscriptions, Mailer mailer) {
 *     return subscriptions.handler("emails", event -> mailer.send(event)).build();
 * }
 * }</pre>
 */
public final class FactumSubscriptions {

    private final EventStore store;
    private final JdbcEventStore jdbcStore;
    private final EventTypeRegistry registry;
    private final HandlerDecorator decorator;

    /**
     * @param store     the store subscriptions read
     * @param jdbcStore the same store when it is a JDBC one (for checkpoints, parked events, projections); else null
     */
    public FactumSubscriptions(EventStore store, JdbcEventStore jdbcStore, EventTypeRegistry registry, HandlerDecorator decorator) {
        this.store = Objects.requireNonNull(store, "store");
        this.jdbcStore = jdbcStore;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decorator = Objects.requireNonNull(decorator, "decorator");
    }

    /** A subscription delivering every event to {@code handler}, at least once. */
    public Subscription.Builder handler(String name, EnvelopeHandler handler) {
        Subscription.Builder builder = Subscription.builder(name, store, registry);
        EnvelopeHandler decorated = decorator.handler(name, handler);
        if (jdbcStore == null) {
            return builder.handler(decorated, new InMemoryCheckpointStore());
        }
        return builder.handler(decorated, new JdbcCheckpointStore(jdbcStore)).parkedEvents(new JdbcParkedEvents(jdbcStore));
    }

    /**
     * A subscription applying every event to a read model in the events' database, exactly once.
     *
     * @throws FactumConfigurationException on the in-memory store: a projection needs a JDBC store
     */
    public Subscription.Builder projection(String name, JdbcProjection projection) {
        if (jdbcStore == null) {
            throw new FactumConfigurationException("Subscription '" + name + "' is a JdbcProjection, which keeps its read "
                    + "model in the events' database, but the event store is in memory.",
                    "Configure a PostgreSQL or SQLite spring.datasource.url (and leave factum.store.type at auto), "
                    + "or give the subscription a handler instead.");
        }
        return Subscription.builder(name, jdbcStore, registry).projection(decorator.projection(name, projection));
    }

    /** The JDBC store, or null on the in-memory store. */
    public JdbcEventStore jdbcStore() {
        return jdbcStore;
    }
}
