package io.factum.bus;

/**
 * Counters of one {@link AsyncEventBus} subscriber, since it subscribed. A snapshot: the counters
 * are read together, under the subscriber's lock, so they are consistent with each other.
 *
 * @param subscriberName the subscriber
 * @param eventClass     the event class it subscribed to
 * @param delivered      events its handler returned from normally (after retries or redelivery included)
 * @param failedAttempts handler calls that threw
 * @param deadLettered   events parked as dead letters after the last attempt failed
 * @param queued         events waiting in its queue (not counting the one being handled)
 */
public record SubscriberMetrics(
        String subscriberName, Class<?> eventClass, long delivered, long failedAttempts, long deadLettered, int queued) {}
