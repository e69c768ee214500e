package io.factum.kafka;

import io.factum.FactumException;

/** The relay stopped at an error it cannot retry (say an authorization failure); it names the relay and the position. */
public final class RelayFailedException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final long position;

    RelayFailedException(String relay, long position, Throwable cause) {
        super("Relay '" + relay + "' stopped after global position " + position + ": " + cause, cause);
        this.position = position;
    }

    /** The last global position the relay committed. */
    public long position() {
        return position;
    }
}
