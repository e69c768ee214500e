package io.factum.subscription;

import io.factum.MessageText;
import io.factum.FactumException;
import io.factum.store.StoredEvent;

/**
 * A subscription stopped because it could not handle or decode an event. Its checkpoint is
 * before that event, so after the cause is fixed, starting it again delivers the event.
 */
public class SubscriptionFailedException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String subscription;
    private final long globalPosition;
    private final String streamId;
    private final long streamRevision;
    private final String eventType;
    private final int attempts;

    public SubscriptionFailedException(String subscription, StoredEvent event, String what, int attempts, Throwable cause) {
        super("Subscription '" + subscription + "' stopped at global position " + event.globalPosition() + " ("
                + event.type() + " v" + event.schemaVersion() + ", stream " + MessageText.quote(event.streamId()) + " revision "
                + event.streamRevision() + "): " + what + (attempts > 1 ? " after " + attempts + " attempts" : "")
                + ": " + cause + ". The checkpoint stays before this event: fix the cause and start the subscription"
                + " again, or configure it to park such events.", cause);
        this.subscription = subscription;
        this.globalPosition = event.globalPosition();
        this.streamId = event.streamId();
        this.streamRevision = event.streamRevision();
        this.eventType = event.type();
        this.attempts = attempts;
    }

    public String subscription() {
        return subscription;
    }

    public long globalPosition() {
        return globalPosition;
    }

    public String streamId() {
        return streamId;
    }

    public long streamRevision() {
        return streamRevision;
    }

    public String eventType() {
        return eventType;
    }

    /** How many times the handler was called for the event; {@code 0} if it could not be decoded. */
    public int attempts() {
        return attempts;
    }
}
