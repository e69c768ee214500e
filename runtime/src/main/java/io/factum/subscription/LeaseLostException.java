package io.factum.subscription;

import io.factum.FactumException;

/**
 * A write that a subscription's lease protects (a projection batch, a checkpoint, a parked event)
 * found that this instance no longer holds the lease: it expired and another instance took it
 * (the fencing token changed), or this instance never held it. The write was rolled back; the
 * instance goes on as a standby, and the new owner delivers from the last committed checkpoint.
 */
public final class LeaseLostException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String subscription;
    private final String instance;
    private final long token;

    LeaseLostException(String subscription, String instance, long token, String what) {
        super("Subscription '" + subscription + "': instance " + instance + " no longer holds its lease"
                + (token >= 0 ? " (fencing token " + token + ")" : "") + ", so " + what + " was rolled back; the lease "
                + "expired and another instance took it over (a handler or a pause longer than the lease), or the "
                + "database could not be reached to renew it");
        this.subscription = subscription;
        this.instance = instance;
        this.token = token;
    }

    /** The subscription whose lease was lost. */
    public String subscription() {
        return subscription;
    }

    /** The instance that lost it. */
    public String instance() {
        return instance;
    }

    /** The fencing token it held, {@code -1} if it held none. */
    public long token() {
        return token;
    }
}
