package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.util.List;

/**
 * Delivers events to subscribers by the class of their payload: what an {@link EventBus} and a
 * generated compile-time router (see {@link io.factum.annotation.EventRouter}) have in common, so
 * that code which only publishes can take either.
 */
public interface EventPublisher {

    /** Delivers {@code envelope} to every subscriber of its payload's class. */
    void publish(EventEnvelope<?> envelope);

    /**
     * Publishes a domain event that was never stored, e.g. one raised by an aggregate in a
     * service without an event store. The event is wrapped by {@link LocalEnvelopes#of(Object)}.
     */
    default void publishEvent(Object event) {
        publish(LocalEnvelopes.of(event));
    }

    /**
     * Publishes domain events that were never stored, in order, as one synthetic stream
     * (see {@link LocalEnvelopes#ofAll(List)}): e.g. {@code bus.publishEvents(order.uncommittedEvents())}.
     */
    default void publishEvents(List<?> events) {
        for (EventEnvelope<?> envelope : LocalEnvelopes.ofAll(events)) {
            publish(envelope);
        }
    }
}
