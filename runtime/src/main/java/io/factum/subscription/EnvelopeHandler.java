package io.factum.subscription;

import io.factum.event.EventEnvelope;

/** Handles the events a {@link Subscription} delivers, one at a time, in global order. */
@FunctionalInterface
public interface EnvelopeHandler {

    /**
     * Handles one event. Delivery is at-least-once: after a crash or a failed checkpoint write the
     * event may come again, so handle it idempotently (e.g. by its event id). Throwing makes the
     * subscription retry the event, then stop or park it; an {@link Error} counts as a failure too.
     */
    void handle(EventEnvelope<Object> event) throws Exception;
}
