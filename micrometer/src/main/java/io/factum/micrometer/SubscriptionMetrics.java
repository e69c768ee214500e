package io.factum.micrometer;

import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Gauges of subscriptions, read when scraped: lag ({@value FactumMeters#SUBSCRIPTION_LAG}: head position
 * minus checkpoint), checkpoint, parked events, and status (1 for the current one). Events handled and
 * failures are counted where they happen, by the handler {@link ObservedHandlers} wraps.
 *
 * <p>A gauge never throws: when the database cannot be read it reports {@code NaN}.
 */
public final class SubscriptionMetrics implements MeterBinder {

    private final List<Subscription> subscriptions;
    private final HeadPosition head;

    public SubscriptionMetrics(List<Subscription> subscriptions, HeadPosition head) {
        this.subscriptions = List.copyOf(subscriptions);
        this.head = Objects.requireNonNull(head, "head");
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Subscription subscription : subscriptions) {
            String name = subscription.name();
            Gauge.builder(FactumMeters.SUBSCRIPTION_LAG, subscription, s -> orNaN(() -> lag(s)))
                    .description("Events committed after the subscription's checkpoint (head position minus checkpoint)")
                    .tag(FactumMeters.SUBSCRIPTION, name).register(meters);
            Gauge.builder(FactumMeters.SUBSCRIPTION_POSITION, subscription, s -> orNaN(s::position))
                    .description("The subscription's checkpoint (global position)")
                    .tag(FactumMeters.SUBSCRIPTION, name).register(meters);
            Gauge.builder(FactumMeters.SUBSCRIPTION_PARKED, subscription, s -> orNaN(() -> s.parkedEvents().size()))
                    .description("Events the subscription has parked")
                    .tag(FactumMeters.SUBSCRIPTION, name).register(meters);
            for (Subscription.Status status : Subscription.Status.values()) {
                Gauge.builder(FactumMeters.SUBSCRIPTION_STATUS, subscription, s -> s.status() == status ? 1 : 0)
                        .description("1 for the subscription's current status, 0 for the others")
                        .tag(FactumMeters.SUBSCRIPTION, name).tag(FactumMeters.STATUS, status.name()).register(meters);
            }
        }
    }

    /** Head position minus the subscription's checkpoint, never below 0. */
    public long lag(Subscription subscription) {
        return Math.max(0, head.current() - subscription.position());
    }

    private interface LongValue {
        long get();
    }

    private static double orNaN(LongValue value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
