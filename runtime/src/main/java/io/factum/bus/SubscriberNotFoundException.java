package io.factum.bus;

import io.factum.FactumException;

/**
 * A dead letter cannot be redelivered because its subscriber is no longer subscribed to the
 * event's class. The letter stays parked: subscribe the handler again, or discard the letter.
 */
public class SubscriberNotFoundException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final transient DeadLetter letter;

    public SubscriberNotFoundException(DeadLetter letter) {
        super("Cannot redeliver dead letter " + letter.id() + ": no subscriber named '" + letter.subscriberName()
                + "' is subscribed to " + letter.envelope().payload().getClass().getName()
                + "; the letter stays parked. Subscribe the handler again, or discard the letter.");
        this.letter = letter;
    }

    public DeadLetter letter() {
        return letter;
    }
}
