package io.factum.store.jdbc;

import io.factum.FactumException;

/**
 * The database failed (connection lost, disk full, lock timeout, ...). The message says what
 * Factum was doing; the cause is the driver's {@link java.sql.SQLException}. An append that fails
 * this way stored nothing.
 */
public class JdbcStoreException extends FactumException {
    private static final long serialVersionUID = 1L;

    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
