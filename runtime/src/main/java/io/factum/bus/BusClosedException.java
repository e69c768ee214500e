package io.factum.bus;

import io.factum.FactumException;

/** The {@link AsyncEventBus} was closed: it takes no more publishes, subscriptions or redeliveries. */
public class BusClosedException extends FactumException {
    private static final long serialVersionUID = 1L;

    public BusClosedException(String message) {
        super(message);
    }
}
