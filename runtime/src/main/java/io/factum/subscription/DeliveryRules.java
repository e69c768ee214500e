package io.factum.subscription;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.EventStore;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.UnreadableStoredEventException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every way of handling a subscription's batches shares: decoding, the retry policy and its
 * pauses, the failure actions, and the errors that name the subscription and the event.
 */
final class DeliveryRules {

    final String subscription;
    final EventTypeRegistry registry;
    final RetryPolicy retry;
    final FailureAction onHandlerFailure;
    final FailureAction onUndecodable;
    /** Rows the store could not read, by global position; see {@link #unreadable}. */
    private final Map<Long, UnreadableStoredEventException> unreadableRows = new ConcurrentHashMap<>();
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);
    /** The subscription's own thread: only its pauses end early on a stop. */
    private volatile Thread runThread;

    DeliveryRules(String subscription, EventTypeRegistry registry, RetryPolicy retry,
            FailureAction onHandlerFailure, FailureAction onUndecodable) {
        this.subscription = subscription;
        this.registry = registry;
        this.retry = retry;
        this.onHandlerFailure = onHandlerFailure;
        this.onUndecodable = onUndecodable;
    }

    /**
     * The subscription is (re)started on {@code runThread}: its pauses last their full time again
     * until {@link #requestStop()}.
     */
    void started(Thread runThread) {
        stopRequested = new CountDownLatch(1);
        this.runThread = runThread;
    }

    /** Ends the run thread's pause at once; the batch in progress ends as {@link SubscriptionStopped}. */
    void requestStop() {
        stopRequested.countDown();
    }

    /**
     * Waits before attempt {@code failedAttempt + 1} at {@code event}. A stop cuts short only the
     * pauses of the subscription's own thread: a caller of {@code pollOnce()} did not ask to stop, so
     * its retries keep their full backoff even after the thread was stopped.
     *
     * @throws SubscriptionStopped when the subscription's thread is asked to stop
     * @throws SubscriptionInterruptedException when the waiting thread is interrupted (its flag is set again)
     */
    void pauseAfter(StoredEvent event, int failedAttempt) {
        long millis = retry.delayAfter(failedAttempt).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            if (Thread.currentThread() != runThread) {
                Thread.sleep(millis);
            } else if (stopRequested.await(millis, TimeUnit.MILLISECONDS)) {
                throw new SubscriptionStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionInterruptedException(subscription, event, failedAttempt);
        }
    }

    /**
     * Stands in for a row the store could not read: a stored event with what of its envelope was
     * readable, which {@link #decode} refuses with the store's error, so that it is stopped at or
     * parked like any event that does not decode.
     */
    StoredEvent unreadable(UnreadableStoredEventException e) {
        unreadableRows.put(e.globalPosition(), e);
        return new StoredEvent(new UUID(0, 0), e.streamId() == null ? "" : e.streamId(), e.streamRevision(),
                e.globalPosition(), e.type() == null ? "" : e.type(), 0, Instant.EPOCH, Metadata.empty(), new byte[0]);
    }

    /** @throws Undecodable when the event's type is unknown or its payload does not decode */
    EventEnvelope<Object> decode(StoredEvent event) {
        UnreadableStoredEventException unreadable = unreadableRows.get(event.globalPosition());
        if (unreadable != null) {
            throw new Undecodable(unreadable);
        }
        try {
            return registry.envelope(event);
        } catch (RuntimeException e) {
            throw new Undecodable(e);
        }
    }

    SubscriptionFailedException handlerFailed(StoredEvent event, Throwable cause, int attempts) {
        return new SubscriptionFailedException(subscription, event, "the handler failed", attempts, cause);
    }

    SubscriptionFailedException undecodable(StoredEvent event, Throwable cause) {
        return new SubscriptionFailedException(subscription, event, "the event cannot be decoded", 0, cause);
    }

    /** The error text stored with a parked event. */
    static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }

    /** The stored event at {@code position}, or null if there is none. */
    StoredEvent readAt(EventStore store, long position) {
        List<StoredEvent> next;
        try {
            next = store.readAll(position - 1, 1);
        } catch (UnreadableStoredEventException e) {
            return e.globalPosition() == position ? unreadable(e) : null;
        }
        return next.isEmpty() || next.get(0).globalPosition() != position ? null : next.get(0);
    }

    /** An event could not be decoded; the cause says why. */
    static final class Undecodable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecodable(RuntimeException cause) {
            super(cause);
        }

        RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }

    /** The subscription was asked to stop during a pause. */
    static final class SubscriptionStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SubscriptionStopped() {
            super("stop requested", null, false, false);
        }
    }
}
