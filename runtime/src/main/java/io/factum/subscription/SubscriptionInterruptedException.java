package io.factum.subscription;

import io.factum.MessageText;
import io.factum.FactumException;
import io.factum.store.StoredEvent;

/**
 * The thread polling a subscription by hand ({@link Subscription#pollOnce()},
 * {@link Subscription#runUntilCaughtUp()}) was interrupted while it waited to retry an event. The
 * batch ends there: the checkpoint stays before that event, and the thread's interrupt flag is
 * set again, so whatever interrupted it can still see that. Polling again delivers the event.
 */
public class SubscriptionInterruptedException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String subscription;
    private final long globalPosition;

    public SubscriptionInterruptedException(String subscription, StoredEvent event, int failedAttempts) {
        super("Subscription '" + subscription + "' was interrupted while waiting to retry the event at global position "
                + event.globalPosition() + " (" + event.type() + ", stream " + MessageText.quote(event.streamId()) + " revision "
                + event.streamRevision() + ") after " + failedAttempts + (failedAttempts == 1 ? " failed attempt" : " failed attempts")
                + ". The checkpoint stays before this event and the thread's interrupt flag is set; poll again to deliver it.");
        this.subscription = subscription;
        this.globalPosition = event.globalPosition();
    }

    public String subscription() {
        return subscription;
    }

    /** The event that was waiting for its retry, and that the next poll delivers first. */
    public long globalPosition() {
        return globalPosition;
    }
}
