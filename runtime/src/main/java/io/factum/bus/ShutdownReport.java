package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AsyncEventBus#close(java.time.Duration)} could not deliver before its timeout, per
 * subscriber. Events listed here will not be delivered by this bus: publish them again elsewhere,
 * or rely on a catch-up subscription over the store. Redelivered dead letters that were still
 * queued go back to the dead-letter store instead of appearing here.
 *
 * @param undelivered one entry per subscriber with undelivered events, in subscription order
 */
public record ShutdownReport(List<Undelivered> undelivered) {

    public ShutdownReport {
        undelivered = List.copyOf(undelivered);
    }

    /** Whether every accepted event was delivered or dead-lettered. */
    public boolean isComplete() {
        return undelivered.isEmpty();
    }

    /** Events not delivered, counting those whose handler call was still running. */
    public int undeliveredCount() {
        int count = 0;
        for (Undelivered entry : undelivered) {
            count += entry.notDelivered().size() + (entry.stillRunning() == null ? 0 : 1);
        }
        return count;
    }

    @Override
    public String toString() {
        if (undelivered.isEmpty()) {
            return "everything delivered";
        }
        StringBuilder text = new StringBuilder();
        for (Undelivered entry : undelivered) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(entry);
        }
        return text.toString();
    }

    /**
     * One subscriber's undelivered events.
     *
     * @param subscriberName the subscriber
     * @param eventClass     the event class it subscribed to
     * @param notDelivered   events it never got (or got only failed attempts of), in publish order
     * @param stillRunning   the event its handler was still processing at the timeout, whose outcome
     *                       is unknown: if the call fails it becomes a dead letter; {@code null} if none
     */
    public record Undelivered(
            String subscriberName, Class<?> eventClass, List<EventEnvelope<?>> notDelivered, EventEnvelope<?> stillRunning) {

        public Undelivered {
            Objects.requireNonNull(subscriberName, "subscriberName");
            Objects.requireNonNull(eventClass, "eventClass");
            notDelivered = List.copyOf(notDelivered);
        }

        @Override
        public String toString() {
            return subscriberName + " (" + eventClass.getSimpleName() + "): " + notDelivered.size() + " not delivered"
                    + (stillRunning == null ? "" : ", 1 still running: " + SubscriberException.describe(stillRunning));
        }
    }
}
