package io.factum.bus;

import io.factum.event.EventEnvelope;

/**
 * Receives one published event. Generated subscriber registrations pass {@link SubscriberLink}s,
 * which implement it with a direct call of the handler method.
 */
@FunctionalInterface
public interface EventHandler<E> {
    void handle(EventEnvelope<E> envelope) throws Exception;
}
