package io.factum.store;

import io.factum.FactumException;

/** A stream id that no store accepts. Nothing was written. */
public class InvalidStreamIdException extends FactumException {
    private static final long serialVersionUID = 1L;

    public InvalidStreamIdException(String message) {
        super(message);
    }
}
