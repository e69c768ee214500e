package io.factum.bus;

import io.factum.FactumException;
import io.factum.MessageText;
import io.factum.event.EventEnvelope;

/**
 * A subscriber of the {@link SynchronousEventBus} threw a checked exception. Unchecked exceptions
 * reach the publisher unchanged; checked ones are wrapped here, naming the subscriber and the event.
 */
public class SubscriberException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String subscriberName;
    private final transient EventEnvelope<?> envelope;

    public SubscriberException(String subscriberName, EventEnvelope<?> envelope, Throwable cause) {
        super("Subscriber '" + subscriberName + "' failed on " + describe(envelope) + ": " + cause, cause);
        this.subscriberName = subscriberName;
        this.envelope = envelope;
    }

    public String subscriberName() {
        return subscriberName;
    }

    public EventEnvelope<?> envelope() {
        return envelope;
    }

    /** {@code OrderPaid (stream 'Order-42', revision 3)}, for messages. */
    static String describe(EventEnvelope<?> envelope) {
        return envelope.type() + " (stream " + MessageText.quote(envelope.streamId()) + ", revision " + envelope.streamRevision()
                + ", event " + envelope.eventId() + ")";
    }
}
