package io.factum.personal;

import io.factum.FactumException;

/** The key store could not be read or written (the database failed); the message names the table and what was done. */
public final class SubjectKeyStoreException extends FactumException {
    private static final long serialVersionUID = 1L;

    public SubjectKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
