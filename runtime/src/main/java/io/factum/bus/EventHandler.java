package io.factum.bus;

import io.factum.event.EventEnvelope;

/** Receives one published event. Generated subscriber registrations implement it with a direct call. */
@FunctionalInterface
public interface EventHandler<E> {
    void handle(EventEnvelope<E> envelope) throws Exception;
}
