package io.factum.example.app;

/** The database could not be reached or used; the message names the store and what failed. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
