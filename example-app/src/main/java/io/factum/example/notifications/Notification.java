package io.factum.example.notifications;

import java.time.Instant;

/**
 * A message the Notifications context would have sent (it records instead of e-mailing).
 *
 * @param eventId   the event that caused it; at most one notification per event
 * @param position  that event's global position, which orders the notifications
 * @param orderId   the order it is about
 * @param kind      what kind of message it is
 * @param recipient the customer's e-mail address at the time
 * @param message   the text
 * @param createdAt when the causing event happened
 */
public record Notification(String eventId, long position, String orderId, Kind kind, String recipient, String message,
                           Instant createdAt) {

    /** The kinds of message the shop sends. */
    public enum Kind {
        PAYMENT_CONFIRMATION, SHIPPING_NOTICE, CANCELLATION_NOTICE
    }
}
