package io.factum.spring.boot.bus;

import io.factum.bus.EventBus;
import io.factum.bus.EventHandler;
import io.factum.bus.Registration;
import io.factum.event.EventEnvelope;
import java.util.Objects;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An {@link EventBus} that, inside a Spring-managed transaction, publishes after it commits, and never
 * when it rolls back; outside one it publishes at once. So the events a repository saves in a
 * {@code @Transactional} command handler reach subscribers only once they (and the handler's own
 * writes) are committed. Events published in one transaction go out in publish order.
 *
 * <p>A subscriber that throws after the commit does not undo it: the exception reaches the caller of the
 * transactional method, whose data is committed. Subscribing goes straight to the delegate.
 */
public final class AfterCommitEventBus implements EventBus {

    private final EventBus delegate;

    public AfterCommitEventBus(EventBus delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The bus events go to. */
    public EventBus delegate() {
        return delegate;
    }

    @Override
    public void publish(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delegate.publish(envelope);
                }
            });
        } else {
            delegate.publish(envelope);
        }
    }

    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        return delegate.subscribe(subscriberName, eventClass, handler);
    }
}
