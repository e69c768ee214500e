package io.factum.bus;

import io.factum.event.EventEnvelope;

/**
 * Publishes recorded events to subscribers by event class.
 *
 * <p>Generated code ({@code <Handler>Subscribers.register(bus, handler)}) calls
 * {@link #subscribe} once per event class a {@code @Subscribe} method accepts; a method that
 * takes a sealed family is subscribed to each member record.
 */
public interface EventBus {

    /**
     * Subscribes {@code handler} to events whose payload class is exactly {@code eventClass}.
     *
     * @param subscriberName stable name used in errors and dead letters, e.g. {@code Notifications.onOrderPaid}
     */
    <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler);

    /** Delivers {@code envelope} to every subscriber of its payload's class. */
    void publish(EventEnvelope<?> envelope);
}
