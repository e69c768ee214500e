package io.factum.spring.boot;

import io.factum.aggregate.AggregateLoadListener;
import io.factum.bus.EventBus;
import io.factum.micrometer.AggregateLoadMetrics;
import io.factum.micrometer.GroupCommitMetrics;
import io.factum.micrometer.HeadPosition;
import io.factum.micrometer.MeteredEventBus;
import io.factum.micrometer.MeteredEventStore;
import io.factum.micrometer.ObservedHandlers;
import io.factum.micrometer.SubscriptionMetrics;
import io.factum.spring.boot.subscription.HandlerDecorator;
import io.factum.store.EventStore;
import io.factum.store.jdbc.GroupCommitListener;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;

/**
 * How the auto-configuration measures what it builds: with the application's {@link MeterRegistry} (and
 * {@link ObservationRegistry}, if any) through factum-micrometer's decorators; without a meter registry it
 * leaves everything as it is.
 */
public final class FactumInstrumentation implements HandlerDecorator {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final ObservedHandlers handlers;
    private final AggregateLoadMetrics loads;

    /**
     * @param meters       null for no metrics (and no observations)
     * @param observations null for no observations
     */
    public FactumInstrumentation(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations != null ? observations : ObservationRegistry.NOOP;
        this.handlers = meters != null ? new ObservedHandlers(meters, this.observations) : null;
        this.loads = meters != null ? new AggregateLoadMetrics(meters) : null;
    }

    /** Whether there is a meter registry to report to. */
    public boolean enabled() {
        return meters != null;
    }

    /** {@code store}, measured under store tag {@code kind}. */
    public EventStore store(EventStore store, String kind) {
        return meters == null ? store : new MeteredEventStore(store, kind, meters, observations);
    }

    /** What the group commits of a JDBC store of {@code kind} report to. */
    public GroupCommitListener groupCommitListener(String kind) {
        return meters == null ? GroupCommitListener.NONE : new GroupCommitMetrics(meters, kind);
    }

    /** What the repositories tell of their loads ({@code factum.aggregate.load}); null without a meter registry. */
    public AggregateLoadListener aggregateLoadListener() {
        return loads;
    }

    /** {@code bus}, counted (and timed if {@code timed}). */
    public EventBus bus(EventBus bus, boolean timed) {
        return meters == null ? bus : MeteredEventBus.of(bus, meters, new MeteredEventBus.Options().timed(timed));
    }

    /** Registers the gauges of {@code subscriptions}. */
    public void bindSubscriptions(List<Subscription> subscriptions, HeadPosition head) {
        if (meters != null) {
            new SubscriptionMetrics(subscriptions, head).bindTo(meters);
        }
    }

    @Override
    public EnvelopeHandler handler(String subscription, EnvelopeHandler handler) {
        return handlers == null ? handler : handlers.handler(subscription, handler);
    }

    @Override
    public JdbcProjection projection(String subscription, JdbcProjection projection) {
        return handlers == null ? projection : handlers.projection(subscription, projection);
    }
}
