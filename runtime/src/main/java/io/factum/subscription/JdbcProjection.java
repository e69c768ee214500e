package io.factum.subscription;

import io.factum.event.EventEnvelope;
import java.sql.Connection;

/**
 * A read model kept in the same database as the events. A subscription with a projection
 * ({@link Subscription.Builder#projection}) handles each batch in one transaction: the
 * projection's writes, parked events and the checkpoint commit together or not at all, so every
 * event changes the read model exactly once.
 */
@FunctionalInterface
public interface JdbcProjection {

    /**
     * Applies one event to the read model through {@code connection}, which is in the batch's
     * transaction: do not commit, roll back or close it. Throwing (an exception or an {@link Error}) rolls back the whole batch.
     */
    void apply(EventEnvelope<Object> event, Connection connection) throws Exception;
}
