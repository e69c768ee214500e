package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event that a subscriber of the {@link AsyncEventBus} failed on, {@link RetryPolicy#maxAttempts()}
 * times in a row, parked until someone redelivers or discards it.
 *
 * @param id             identifies the letter; kept when a redelivered event fails again
 * @param subscriberName the subscriber that failed; redelivery goes to it (and only to it)
 * @param envelope       the event
 * @param lastError      what the subscriber threw on the last attempt
 * @param attempts       calls that failed, over every delivery and redelivery of this letter
 * @param firstFailedAt  when the first attempt failed
 * @param lastFailedAt   when the last attempt failed
 */
public record DeadLetter(
        UUID id,
        String subscriberName,
        EventEnvelope<?> envelope,
        Throwable lastError,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriberName, "subscriberName");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
    }

    /** {@code Notifications.onOrderPaid failed 5 times on OrderPaid (...): java.io.IOException: timeout}. */
    @Override
    public String toString() {
        return subscriberName + " failed " + attempts + " times on " + SubscriberException.describe(envelope) + ": "
                + lastError;
    }

    /**
     * The letter of an event that failed {@code failures} more times since {@code firstFailure}: a new
     * one, or {@code earlier} (a redelivered letter) updated, so that it keeps its id and history.
     */
    static DeadLetter after(DeadLetter earlier, String subscriber, EventEnvelope<?> envelope, Throwable failure,
            int failures, Instant firstFailure, Instant now) {
        if (earlier == null) {
            return new DeadLetter(UUID.randomUUID(), subscriber, envelope, failure, failures, firstFailure, now);
        }
        return new DeadLetter(earlier.id(), subscriber, envelope, failure, earlier.attempts() + failures,
                earlier.firstFailedAt(), now);
    }
}
