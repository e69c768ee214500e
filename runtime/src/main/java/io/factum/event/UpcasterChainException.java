package io.factum.event;

import io.factum.FactumException;

/**
 * The registered upcasters do not form one complete chain per stored name: a version is missing,
 * an old version has no upcaster, two upcasters cover the same step, or an upcaster does not go
 * from version N to N + 1 of one stored name. The processor rejects all of these at compile time;
 * this error is the run-time check for modules that were compiled separately.
 */
public class UpcasterChainException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String storedName;
    private final int version;

    public UpcasterChainException(String storedName, int version, String message) {
        super(message);
        this.storedName = storedName;
        this.version = version;
    }

    /** The stored name whose chain is broken; null when an upcaster names a class that is not an event type. */
    public String storedName() {
        return storedName;
    }

    /** The version at which the chain breaks; 0 when unknown. */
    public int version() {
        return version;
    }
}
