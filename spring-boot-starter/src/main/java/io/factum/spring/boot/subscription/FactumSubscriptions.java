package io.factum.spring.boot.subscription;

import io.factum.event.EventTypeRegistry;
import io.factum.spring.boot.FactumConfigurationException;
import io.factum.spring.boot.FactumProperties;
import io.factum.store.EventStore;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.JdbcParkedEvents;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.util.Objects;

/**
 * Starts subscription builders on the configured store, with checkpoints and parked events kept in its
 * database (in memory on the in-memory store), the fleet mode of {@code factum.subscriptions.*} (exclusive
 * on a JDBC store unless configured otherwise), and handlers measured when Micrometer is present. Declare
 * the result as a bean and the context runs it:
 *
 * <pre>{@code
 * @Bean
 * Subscription emails(FactumSubscriptions subscriptions, Mailer mailer) {
 *     return subscriptions.handler("emails", event -> mailer.send(event)).build();
 * }
 * }</pre>
 *
 * <p>Subscriptions read the JDBC store itself, not the decorated {@code EventStore} bean: the runtime keeps
 * a subscription's lease in that store's database, and a subscription's reads join no Spring transaction.
 */
public final class FactumSubscriptions {

    private final EventStore store;
    private final JdbcEventStore jdbcStore;
    private final EventTypeRegistry registry;
    private final HandlerDecorator decorator;
    private final FactumProperties.Subscriptions settings;

    /**
     * @param store     the store subscriptions read when it is not a JDBC one
     * @param jdbcStore the JDBC store (for reads, leases, checkpoints, parked events, projections); else null
     */
    public FactumSubscriptions(EventStore store, JdbcEventStore jdbcStore, EventTypeRegistry registry, HandlerDecorator decorator,
            FactumProperties.Subscriptions settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.jdbcStore = jdbcStore;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.decorator = Objects.requireNonNull(decorator, "decorator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A subscription delivering every event to {@code handler}, at least once. */
    public Subscription.Builder handler(String name, EnvelopeHandler handler) {
        EnvelopeHandler decorated = decorator.handler(name, handler);
        if (jdbcStore == null) {
            return inFleetMode(name, Subscription.builder(name, store, registry))
                    .handler(decorated, new InMemoryCheckpointStore());
        }
        return inFleetMode(name, Subscription.builder(name, jdbcStore, registry))
                .handler(decorated, new JdbcCheckpointStore(jdbcStore)).parkedEvents(new JdbcParkedEvents(jdbcStore));
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
        return inFleetMode(name, Subscription.builder(name, jdbcStore, registry))
                .projection(decorator.projection(name, projection));
    }

    /** The JDBC store, or null on the in-memory store. */
    public JdbcEventStore jdbcStore() {
        return jdbcStore;
    }

    /** The mode, lease duration and instance id of {@code factum.subscriptions.*}. */
    private Subscription.Builder inFleetMode(String name, Subscription.Builder builder) {
        switch (settings.getMode()) {
            case AUTO -> { } // the runtime's default: exclusive on a JDBC store, single-process in memory
            case SINGLE_PROCESS -> builder.mode(SubscriptionMode.singleProcess());
            case EXCLUSIVE -> {
                if (jdbcStore == null) {
                    throw new FactumConfigurationException("Subscription '" + name + "' is to run in exclusive mode "
                            + "(factum.subscriptions.mode=exclusive), which keeps a lease in the events' database, but "
                            + "the event store is in memory.",
                            "Configure a PostgreSQL or SQLite spring.datasource.url, or set factum.subscriptions.mode "
                            + "to auto or single-process.");
                }
                builder.mode(SubscriptionMode.exclusive());
            }
        }
        if (jdbcStore != null) {
            builder.leaseDuration(settings.getLeaseDuration());
            if (settings.getInstanceId() != null && !settings.getInstanceId().isBlank()) {
                builder.instanceId(settings.getInstanceId());
            }
        }
        return builder;
    }
}
