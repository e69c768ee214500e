package io.factum.bus;

import io.factum.FactumException;
import io.factum.event.EventEnvelope;
import java.util.List;

/**
 * Backpressure: the queue of one or more subscribers of the {@link AsyncEventBus} stayed full, so
 * the event was <em>not</em> queued for them. Every other subscriber of the event did get it.
 * Nothing is dropped silently: the caller decides whether to retry, slow down or fail.
 */
public class BusOverloadedException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final List<String> subscriberNames;
    private final transient EventEnvelope<?> envelope;

    public BusOverloadedException(EventEnvelope<?> envelope, List<String> subscriberNames, String whatWasTried) {
        super("The queue of " + (subscriberNames.size() == 1 ? "subscriber " : "subscribers ") + subscriberNames
                + " is full (" + whatWasTried + "), so " + SubscriberException.describe(envelope)
                + " was not queued for " + (subscriberNames.size() == 1 ? "it" : "them")
                + "; any other subscribers got it. Publish again later, raise queueCapacity, or speed up the subscriber.");
        this.subscriberNames = List.copyOf(subscriberNames);
        this.envelope = envelope;
    }

    /** The subscribers that did not get the event. */
    public List<String> subscriberNames() {
        return subscriberNames;
    }

    public EventEnvelope<?> envelope() {
        return envelope;
    }
}
